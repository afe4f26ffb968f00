import FeedbackConformance

/// The findings section every report format leads with: each cause once,
/// its severity, the cases it explains, one example case, what it means,
/// and where the implementation does it when the expectation file says.
extension ReportFormat {
    /// `FINDINGS (2: 1 service, 1 protocol)` and one entry per finding.
    static func findingsText(_ report: ConformanceReport) -> String {
        let findings = report.findings
        var out = findings.isEmpty ? "FINDINGS: none\n" : "FINDINGS (\(findingsCount(findings)))\n"
        for finding in findings {
            let known = finding.known ? ", known" : ""
            let severity = finding.severity.rawValue
            let padded: String = severity + String(repeating: " ", count: max(0, 9 - severity.unicodeScalars.count))
            out += "  " + padded + TerminalText.escaped(finding.id, limit: 120) + "  \(finding.cases) case\(finding.cases == 1 ? "" : "s")\(known), "
                + "e.g. " + TerminalText.escaped(finding.example, limit: 200) + "\n"
            out += "           " + TerminalText.escaped(finding.summary, limit: 300) + "\n"
            if let source = finding.source { out += "           at " + TerminalText.escaped(source, limit: 300) + "\n" }
        }
        for unseen in report.unseenFindings {
            out += "  the expectation file lists \(TerminalText.escaped(unseen, limit: 120)), which no case shows: update the file\n"
        }
        return out
    }

    /// `2: 1 service, 1 protocol`.
    static func findingsCount(_ findings: [Finding]) -> String {
        let parts = Severity.allCases.compactMap { severity -> String? in
            let count = findings.count { $0.severity == severity }
            return count == 0 ? nil : "\(count) \(severity.rawValue)"
        }
        return "\(findings.count): " + parts.joined(separator: ", ")
    }

    /// The findings as a Markdown table.
    static func findingsMarkdown(_ report: ConformanceReport) -> String {
        let cell = MarkupText.markdownCell
        var out = report.findings.isEmpty ? "### Findings\n\nNone.\n" : "### Findings (\(findingsCount(report.findings)))\n\n"
            + "| severity | finding | cases | example | why | where |\n|---|---|---:|---|---|---|\n"
        for finding in report.findings {
            out += "| \(finding.severity.rawValue) | `\(cell(finding.id))`\(finding.known ? " (known)" : "") | \(finding.cases) | "
                + "\(cell(finding.example)) | \(cell(finding.summary)) | \(cell(finding.source ?? "")) |\n"
        }
        for unseen in report.unseenFindings {
            out += "\nThe expectation file lists `\(cell(unseen))`, which no case shows: update the file.\n"
        }
        return out
    }

    /// The findings as JUnit properties of the test suite.
    static func findingsJUnit(_ report: ConformanceReport) -> String {
        guard !report.findings.isEmpty || !report.unseenFindings.isEmpty else { return "" }
        func xml(_ text: String) -> String { MarkupText.escaped(text, limit: 2000, multiline: true) }
        var out = "    <properties>\n"
        for finding in report.findings {
            let value = "\(finding.severity.rawValue) \(finding.id): \(finding.cases) case\(finding.cases == 1 ? "" : "s"), "
                + "e.g. \(finding.example); \(finding.summary)" + (finding.source.map { "; at \($0)" } ?? "")
            out += "      <property name=\"finding\" value=\"\(xml(value))\"/>\n"
        }
        for unseen in report.unseenFindings {
            out += "      <property name=\"unseen-finding\" value=\"\(xml(unseen))\"/>\n"
        }
        return out + "    </properties>\n"
    }
}
