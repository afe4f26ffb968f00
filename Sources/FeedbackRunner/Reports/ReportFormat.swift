import Foundation
import FeedbackConformance

/// How a ``ConformanceReport`` is written: `text` for people, `json` for
/// programs (the whole report), `junit` for CI systems (JUnit XML).
///
/// ```swift
/// let xml = ReportFormat.junit.render(report)
/// ```
///
/// Every string in a report is written by the runner from types, statuses
/// and member names; the renderers also escape control characters, so a
/// hostile implementation cannot reach a terminal or break the XML.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, junit

    /// The report in this format; with a `redactor`, every string of the
    /// report that holds a sensitive value of the run is withheld first
    /// (``ConformanceReport/redacted(by:)``).
    public func render(_ report: ConformanceReport, redactor: Redactor? = nil) -> String {
        let report = redactor.map(report.redacted(by:)) ?? report
        return switch self {
        case .text: Self.text(report)
        case .json: Self.json(report)
        case .junit: Self.junit(report)
        }
    }

    // MARK: text

    static func text(_ report: ConformanceReport) -> String {
        let summary = report.summary
        let implementation = report.implementation
        var out = "\(implementation.kind) \(implementation.name)"
        if let version = implementation.version { out += " \(version)" }
        if let language = implementation.language { out += " (\(language))" }
        out = TerminalText.escaped(out + " at \(implementation.target)", limit: 300) + "\n"
        out += "\(summary.total) cases in \(String(format: "%.2f", report.seconds)) s\n\n"
        func row(_ label: String, _ count: Int, _ known: Int = 0) -> String {
            let padded = label.padding(toLength: 15, withPad: " ", startingAt: 0)
            let number = String(count)
            return "  " + padded + String(repeating: " ", count: max(0, 6 - number.count)) + number
                + (known > 0 ? "  (\(known) known)" : "") + "\n"
        }
        func known(_ verdict: Verdict) -> Int { report.results.count { $0.verdict == verdict && $0.known == .expected } }
        out += row("pass", summary.pass)
        out += row("fail", summary.fail, known(.fail))
        out += row("unimplemented", summary.unimplemented, known(.unimplemented))
        out += row("error", summary.error, known(.error))
        out += "  compliance     " + String(format: "%5.1f %%", summary.compliance) + "\n"

        let failing = report.results.filter { $0.failsRun && !report.isDisputed($0) }
        if !failing.isEmpty {
            out += "\nFAILURES (\(failing.count))\n"
            for result in failing {
                out += "  \(result.verdict.rawValue.uppercased()) \(TerminalText.escaped(result.id))\n"
                if result.known == .unexpectedPass {
                    out += "    passed, but the expectation file lists it: update the file\n"
                }
                if let expected = result.expected { out += "    expected: \(TerminalText.escaped(expected, limit: 300))\n" }
                if let got = result.got { out += "    got:      \(TerminalText.escaped(got, limit: 300))\n" }
            }
        }
        let allNotes = report.results.flatMap(\.notes)
        for (title, isKnown) in [("KNOWN ISSUES (from the expectation file)", true), ("NOTES", false)] {
            let notes = Dictionary(grouping: allNotes.filter { $0.hasPrefix("known issue") == isKnown }, by: { $0 })
            guard !notes.isEmpty else { continue }
            out += "\n\(title)\n"
            for (note, all) in notes.sorted(by: { $0.key < $1.key }) {
                out += "  \(all.count) × \(TerminalText.escaped(note, limit: 300))\n"
            }
        }
        out += runText(report)
        out += "\n" + conclusion(report)
        return out
    }

    // MARK: json

    static func json(_ report: ConformanceReport) -> String {
        String(decoding: JSONWriter(indentation: 2).text(report.jsonValue), as: UTF8.self)
    }

    // MARK: JUnit XML

    /// JUnit XML as Jenkins, GitLab, GitHub Actions reporters and Buildkite
    /// read it: one `testsuite`, one `testcase` per case; `failure` for a
    /// fail, an unimplemented operation or an unexpected pass, `error` for an
    /// error, `skipped` for a known issue.
    static func junit(_ report: ConformanceReport) -> String {
        let summary = report.summary
        let name = "cognito-feedback conform \(report.implementation.kind) \(report.implementation.name)"
        let failures = report.results.count { $0.failsRun && $0.verdict != .error }
        let errors = report.results.count { $0.failsRun && $0.verdict == .error }
        let skipped = summary.knownFailures
        let time = String(format: "%.3f", report.seconds)
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += "<testsuites name=\"\(xml(name))\" tests=\"\(summary.total)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(time)\">\n"
        out += "  <testsuite name=\"\(xml(name))\" tests=\"\(summary.total)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(time)\" timestamp=\"\(xml(report.started))\">\n"
        for result in report.results {
            let topic = result.id.split(separator: ".").first.map(String.init) ?? result.id
            out += "    <testcase classname=\"\(xml(report.implementation.kind)).\(xml(topic))\" name=\"\(xml(result.id))\" time=\"\(String(format: "%.3f", result.milliseconds / 1000))\""
            let detail = [result.expected.map { "expected: \($0)" }, result.got.map { "got: \($0)" }]
                .compactMap { $0 }.joined(separator: "\n")
            switch (result.verdict, result.known) {
            case (.pass, nil), (.pass, .expected):
                out += "/>\n"
            case (_, .expected):
                out += ">\n      <skipped message=\"\(xml(result.notes.last ?? "known issue"))\"/>\n    </testcase>\n"
            case (.pass, .unexpectedPass):
                out += ">\n      <failure type=\"unexpectedPass\" message=\"passed, but the expectation file lists it\">\(xml(result.notes.last ?? ""))</failure>\n    </testcase>\n"
            case (.error, _):
                out += ">\n      <error type=\"error\" message=\"\(xml(result.got ?? "error"))\">\(xml(detail))</error>\n    </testcase>\n"
            case (let verdict, _):
                let type = report.isDisputed(result) ? "dispute" : verdict.rawValue
                out += ">\n      <failure type=\"\(type)\" message=\"\(xml(result.got ?? verdict.rawValue))\">\(xml(detail))</failure>\n    </testcase>\n"
            }
        }
        out += junitRunOutput(report)
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// Text as XML 1.0 character data or attribute value: markup characters
    /// as entities, and characters XML cannot hold (C0 controls but tab, line
    /// feed and carriage return) already escaped by ``TerminalText``.
    static func xml(_ text: String) -> String {
        let safe = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalText.escaped(String($0), limit: 2000) }.joined(separator: "\n")
        var out = ""
        for character in safe {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
