import FeedbackConformance
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Implementations side by side: one column per report, one row per topic
/// (a case id up to its first `.`) and per vector flag, each cell the
/// passes out of the cases, as Bowtie publishes its matrix of JSON Schema
/// validators.
///
/// ```swift
/// let matrix = ConformanceMatrix(reports: reports, library: library)
/// print(matrix.markdown)   // for a CI job summary or MATRIX.md
/// try matrix.html.write(toFile: "matrix.html", atomically: true, encoding: .utf8)
/// ```
///
/// Every string a report holds is escaped for where it goes (Markdown,
/// HTML); the reports are the runner's own, already redacted.
public struct ConformanceMatrix: Sendable {
    /// One implementation.
    public struct Column: Sendable, Hashable {
        /// `botocore 1.43.11`.
        public let title: String
        /// `client` or `server`.
        public let kind: String
        /// `python`, `go`, ... when known.
        public let language: String?
        /// Every case of the run.
        public let all: Counts
        /// Compliance, in percent: the verdicts of the run.
        public let compliance: Double
        /// The share of cases with no `service` deviation, in percent.
        public let serviceCompliance: Double
        /// The share of cases with no `service` nor `protocol` deviation
        /// (passing under `--strict`), in percent.
        public let strictCompliance: Double
        /// The run's findings, gravest first.
        public let findings: [Finding]

        /// Whether the implementation lacks the operations: every case of
        /// the run is `unimplemented`.
        public var notImplemented: Bool { all.total > 0 && all.unimplemented == all.total }
    }

    /// How the cases of one cell came out.
    public struct Counts: Sendable, Hashable {
        public var total = 0, pass = 0, fail = 0, unimplemented = 0, error = 0
        /// Cases the expectation file lists (they do not fail the run).
        public var known = 0

        mutating func add(_ result: CaseResult) {
            total += 1
            switch result.verdict {
            case .pass: pass += 1
            case .fail: fail += 1
            case .unimplemented: unimplemented += 1
            case .error: error += 1
            }
            if result.known == .expected { known += 1 }
        }

        /// `514/542`; `—` without cases; `not implemented` when every case is.
        public var shown: String {
            total == 0 ? "—" : unimplemented == total ? "not implemented" : "\(pass)/\(total)"
        }
    }

    /// The implementations, in the order of the reports.
    public let columns: [Column]
    /// The rows by topic: name, then one cell per column.
    public let topics: [(name: String, cells: [Counts])]
    /// The rows by flag: name, then one cell per column (cases of vectors
    /// carrying the flag; canned-answer cases carry none).
    public let flags: [(name: String, cells: [Counts])]
    /// The vectors' version, for the page's header.
    public let vectorsVersion: String?

    /// The matrix of `reports`; `library` gives each vector's flags.
    public init(reports: [ConformanceReport], library: VectorLibrary?, vectorsVersion: String? = nil) {
        columns = reports.map { report in
            let implementation = report.implementation
            var all = Counts()
            report.results.forEach { all.add($0) }
            let summary = report.summary
            return Column(title: implementation.name + (implementation.version.map { " \($0)" } ?? ""),
                          kind: implementation.kind, language: implementation.language, all: all,
                          compliance: summary.compliance, serviceCompliance: summary.serviceCompliance,
                          strictCompliance: summary.strictCompliance, findings: report.findings)
        }
        func rows(_ key: (CaseResult) -> [String]) -> [(String, [Counts])] {
            var table: [String: [Counts]] = [:]
            for (column, report) in reports.enumerated() {
                for result in report.results {
                    for name in key(result) {
                        table[name, default: Array(repeating: Counts(), count: reports.count)][column].add(result)
                    }
                }
            }
            return table.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        topics = rows { [$0.topic] }
        let flagsByID = Dictionary((library?.vectors ?? []).map { ($0.id, $0.flags) }, uniquingKeysWith: { a, _ in a })
        flags = rows { flagsByID[$0.id] ?? [] }
        self.vectorsVersion = vectorsVersion
    }

    // MARK: Markdown

    /// GitHub-flavoured Markdown: the columns, then a table by topic and
    /// one by flag. Fit for a CI job summary (`$GITHUB_STEP_SUMMARY`).
    public var markdown: String {
        var out = "# Conformance matrix\n\n"
        out += "Generated by `cognito-feedback conform matrix` from \(columns.count) report\(columns.count == 1 ? "" : "s")"
            + (vectorsVersion.map { " (vectors \(MarkupText.markdownCell($0)))" } ?? "") + ". "
        out += "**service**: the share of cases with no deviation the real service is documented or observed not to have "
            + "(a run fails on those); **strict**: the share with no protocol deviation either (`--strict`). "
            + "Each other cell: cases passed / cases run, by the run's verdicts; `—`: no such case for that implementation. "
        out += "A case the implementation's expectation file lists still counts as not passed. "
            + "The findings of each implementation follow the tables.\n\n"
        let header = "| | " + columns.map { "\(MarkupText.markdownCell($0.title)) (\($0.kind))" }.joined(separator: " | ") + " |\n"
        let rule = "|---|" + String(repeating: "---:|", count: columns.count) + "\n"
        out += header + rule
        out += "| **service** | " + columns.map { Self.share($0, $0.serviceCompliance) }.joined(separator: " | ") + " |\n"
        out += "| **strict** | " + columns.map { Self.share($0, $0.strictCompliance) }.joined(separator: " | ") + " |\n"
        out += "| **findings** | " + columns.map { Self.findingCount($0) }.joined(separator: " | ") + " |\n"
        out += "| **all cases** | " + columns.map(\.all.shown).joined(separator: " | ") + " |\n"
        for (name, cells) in topics {
            out += "| \(MarkupText.markdownCell(name)) | " + cells.map(\.shown).joined(separator: " | ") + " |\n"
        }
        out += "\n## Findings\n\nEach cause once: severity, id, the cases it explains, why.\n"
        for column in columns {
            out += "\n### \(MarkupText.markdownCell(column.title)) (\(column.kind))\n\n"
            if column.findings.isEmpty { out += "None: every case passes, strict included.\n" }
            for finding in column.findings {
                out += "- **\(finding.severity.rawValue)** `\(MarkupText.markdownCell(finding.id))` "
                    + "(\(finding.cases) case\(finding.cases == 1 ? "" : "s")): \(MarkupText.markdownCell(finding.summary))\n"
            }
        }
        guard !flags.isEmpty else { return out }
        out += "\n## By flag\n\nThe vectors carrying each flag (`cognito-feedback vectors flags` says what each guards).\n\n"
        out += header + rule
        for (name, cells) in flags {
            out += "| \(MarkupText.markdownCell(name)) | " + cells.map(\.shown).joined(separator: " | ") + " |\n"
        }
        return out
    }

    // MARK: HTML

    /// One self-contained HTML page: inline style, no script, nothing
    /// fetched. Cells are coloured by their pass ratio.
    public var html: String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Conformance matrix: UpdateAuthEventFeedback and AdminUpdateAuthEventFeedback</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #1b1b1b; }
            table { border-collapse: collapse; margin-bottom: 2em; }
            th, td { border: 1px solid #c8c8c8; padding: 0.3em 0.6em; }
            th { background: #f2f2f2; text-align: left; }
            td.cell { text-align: right; font-variant-numeric: tabular-nums; }
            td.none { color: #8a8a8a; text-align: center; }
            thead th { position: sticky; top: 0; }
            caption { text-align: left; font-weight: bold; margin-bottom: 0.4em; }
            ul.findings { list-style: none; padding-left: 0; }
            ul.findings li { margin: 0.2em 0; }
            .sev { display: inline-block; min-width: 5.5em; padding: 0 0.3em; border-radius: 3px; font-size: 0.9em; }
            .sev.service { background: #f4c7c3; }
            .sev.protocol { background: #fce8b2; }
            .sev.inferred { background: #e0e0e0; }
            </style>
            </head>
            <body>
            <h1>Conformance matrix</h1>

            """
        out += "<p>Generated by <code>cognito-feedback conform matrix</code> from \(columns.count) report"
            + (columns.count == 1 ? "" : "s") + (vectorsVersion.map { " (vectors \(MarkupText.escaped($0, limit: 200)))" } ?? "")
            + ". service: the share of cases with no deviation the real service is documented or observed not to have; "
            + "strict: with no protocol deviation either (--strict). Each other cell: cases passed / cases run; "
            + "— means no such case for that implementation. The findings follow the table.</p>\n"
        out += table(caption: "By topic", rows: topics, summary: true)
        out += findingsHTML
        if !flags.isEmpty { out += table(caption: "By flag", rows: flags, summary: false) }
        out += "</body>\n</html>\n"
        return out
    }

    private func table(caption: String, rows: [(name: String, cells: [Counts])], summary: Bool) -> String {
        var out = "<table>\n<caption>\(MarkupText.escaped(caption, limit: 200))</caption>\n<thead><tr><th></th>"
        for column in columns {
            out += "<th>\(MarkupText.escaped(column.title, limit: 200))<br><small>\(MarkupText.escaped(column.kind, limit: 200))"
                + (column.language.map { ", \(MarkupText.escaped($0, limit: 200))" } ?? "") + "</small></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        if summary {
            for (label, share) in [("service", \Column.serviceCompliance), ("strict", \Column.strictCompliance)] {
                out += "<tr><th>\(label)</th>" + columns.map { column in
                    column.notImplemented ? "<td class=\"none\">not implemented</td>"
                        : "<td class=\"cell\" style=\"\(Self.colour(share: column[keyPath: share]))\">"
                            + column[keyPath: share].fixed(1) + " %" + "</td>"
                }.joined() + "</tr>\n"
            }
            out += "<tr><th>findings</th>" + columns.map {
                "<td class=\"cell\">\(MarkupText.escaped(Self.findingCount($0), limit: 200))</td>"
            }.joined() + "</tr>\n"
            out += "<tr><th>all cases</th>" + columns.map { Self.cell($0.all) }.joined() + "</tr>\n"
        }
        for (name, cells) in rows {
            out += "<tr><th>\(MarkupText.escaped(name, limit: 200))</th>" + cells.map(Self.cell).joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// One list per implementation: each finding's severity, id, cases and why, in plain sight.
    private var findingsHTML: String {
        var out = "<h2>Findings</h2>\n<p>Each cause once: severity, id, the cases it explains, why.</p>\n"
        for column in columns {
            out += "<h3>\(MarkupText.escaped(column.title, limit: 200)) <small>(\(MarkupText.escaped(column.kind, limit: 200)))</small></h3>\n"
            guard !column.findings.isEmpty else { out += "<p>None: every case passes, strict included.</p>\n"; continue }
            out += "<ul class=\"findings\">\n"
            for finding in column.findings {
                out += "<li><span class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> "
                    + "<code>\(MarkupText.escaped(finding.id, limit: 200))</code> (\(finding.cases) case\(finding.cases == 1 ? "" : "s")): "
                    + MarkupText.escaped(finding.summary, limit: 400) + "</li>\n"
            }
            out += "</ul>\n"
        }
        return out
    }

    /// `87.3 %`, or `not implemented`.
    private static func share(_ column: Column, _ share: Double) -> String {
        column.notImplemented ? "not implemented" : share.fixed(1) + " %"
    }

    /// `2 (1 service, 1 protocol)`, or `none`.
    private static func findingCount(_ column: Column) -> String {
        guard !column.findings.isEmpty else { return "none" }
        let parts = Severity.allCases.compactMap { severity -> String? in
            let count = column.findings.count { $0.severity == severity }
            return count == 0 ? nil : "\(count) \(severity.rawValue)"
        }
        return "\(column.findings.count) (" + parts.joined(separator: ", ") + ")"
    }

    private static func cell(_ counts: Counts) -> String {
        guard counts.total > 0 else { return "<td class=\"none\">—</td>" }
        guard counts.unimplemented < counts.total else { return "<td class=\"none\">not implemented</td>" }
        let title = "\(counts.pass) pass, \(counts.fail) fail, \(counts.unimplemented) unimplemented, \(counts.error) error"
            + (counts.known > 0 ? ", \(counts.known) known" : "")
        return "<td class=\"cell\" style=\"\(colour(counts))\" title=\"\(title)\">\(counts.pass)/\(counts.total)</td>"
    }

    /// A background from red (nothing passes) to green (everything does).
    private static func colour(_ counts: Counts) -> String {
        guard counts.total > 0 else { return "" }
        return colour(share: Double(counts.pass) * 100 / Double(counts.total))
    }

    /// A background from red (0 %) to green (100 %).
    private static func colour(share: Double) -> String {
        "background: hsl(\(Int((share * 1.2).rounded())), 65%, 85%)"
    }
}
