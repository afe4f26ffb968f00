#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedbackConformance

/// How a ``ConformanceReport`` is written: `text` for people, `json` for
/// programs (the whole report), `junit` for CI systems (JUnit XML),
/// `markdown` for a CI job summary (`$GITHUB_STEP_SUMMARY`).
///
/// ```swift
/// let xml = ReportFormat.junit.render(report)
/// ```
///
/// Every string in a report is written by the runner from types, statuses
/// and member names; the renderers also escape control characters, so a
/// hostile implementation cannot reach a terminal or break the XML.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, junit, markdown

    /// The report in this format; with a `redactor`, every string of the
    /// report that holds a sensitive value of the run is withheld first
    /// (``ConformanceReport/redacted(by:)``), and the rendered text, escaped
    /// and cut as the format writes it, passes the redactor again last
    /// (`Redactor.redacted(_:)`).
    public func render(_ report: ConformanceReport, redactor: Redactor? = nil) -> String {
        let report = redactor.map(report.redacted(by:)) ?? report
        let rendered = switch self {
        case .text: Self.text(report)
        case .json: Self.json(report)
        case .junit: Self.junit(report)
        case .markdown: Self.markdown(report)
        }
        return redactor?.redacted(rendered) ?? rendered
    }

    // MARK: text

    static func text(_ report: ConformanceReport) -> String {
        let summary = report.summary
        let implementation = report.implementation
        var out = "\(implementation.kind) \(implementation.name)"
        if let version = implementation.version { out += " \(version)" }
        if let language = implementation.language { out += " (\(language))" }
        out = TerminalText.escaped(out + " at \(implementation.target)", limit: 300) + "\n"
        out += "\(summary.total) cases in \(report.seconds.fixed(2)) s"
            + (report.strict ? ", --strict" : "") + "\n\n"
        out += findingsText(report) + "\n"
        func row(_ label: String, _ count: Int, _ known: Int = 0) -> String {
            let padded = label + String(repeating: " ", count: max(0, 15 - label.unicodeScalars.count))
            let number = String(count)
            return "  " + padded + String(repeating: " ", count: max(0, 6 - number.count)) + number
                + (known > 0 ? "  (\(known) known)" : "") + "\n"
        }
        func known(_ verdict: Verdict) -> Int { report.results.count { $0.verdict == verdict && $0.known == .expected } }
        out += row("pass", summary.pass)
        out += row("fail", summary.fail, known(.fail))
        out += row("unimplemented", summary.unimplemented, known(.unimplemented))
        out += row("error", summary.error, known(.error))
        out += "  compliance     " + summary.compliance.fixed(1, width: 5) + " %"
            + "  (service " + summary.serviceCompliance.fixed(1) + " %, strict " + summary.strictCompliance.fixed(1) + " %)\n"

        // One cause explaining every case (moto: not implemented) needs no table by topic.
        if !(report.findings.count == 1 && report.findings[0].cases == summary.total) {
            out += "\nBY TOPIC\n" + topicTable(report.results)
        }

        let failing = report.results.filter { $0.failsRun && !report.isDisputed($0) }
        if !failing.isEmpty {
            let groups = ResultGroup.groups(of: failing)
            out += "\nFAILURES (\(failing.count) case\(failing.count == 1 ? "" : "s"), \(groups.count) distinct)\n"
            for group in groups {
                out += "  \(group.verdict.rawValue.uppercased()) × \(group.ids.count)\n"
                if group.known == .unexpectedPass {
                    out += "    passed, but the expectation file lists it: update the file\n"
                }
                if let expected = group.expected { out += "    expected: \(TerminalText.escaped(expected, limit: 300))\n" }
                if let got = group.got { out += "    got:      \(TerminalText.escaped(got, limit: 300))\n" }
                out += "    cases:    \(TerminalText.escaped(group.shownIDs(among: report.results), limit: 2000))\n"
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

    /// One row per topic (the id up to its first `.`): cases and verdicts.
    static func topicTable(_ results: [CaseResult]) -> String {
        let topics = Dictionary(grouping: results, by: \.topic).sorted { $0.key < $1.key }
        let width = max(5, topics.map(\.key.count).max() ?? 0)
        func row(_ cells: [String]) -> String {
            "  " + cells[0] + String(repeating: " ", count: max(0, width - cells[0].unicodeScalars.count))
                + cells.dropFirst().map { String(repeating: " ", count: max(0, 7 - $0.count)) + $0 }.joined() + "\n"
        }
        var out = row(["topic", "cases", "pass", "fail", "unimpl", "error"])
        for (topic, results) in topics {
            out += row([TerminalText.escaped(topic, limit: 60), "\(results.count)"]
                + Verdict.allCases.map { verdict in "\(results.count { $0.verdict == verdict })" })
        }
        return out
    }

    // MARK: markdown

    static func markdown(_ report: ConformanceReport) -> String {
        let summary = report.summary, implementation = report.implementation
        let cell = MarkupText.markdownCell
        var title = "\(implementation.kind) \(implementation.name)"
        if let version = implementation.version { title += " \(version)" }
        if let language = implementation.language { title += " (\(language))" }
        let failing = report.results.filter(\.failsRun)
        var out = "## cognito-feedback conform: \(cell(title))\n\n"
        out += (report.passed ? "**PASSED**: no failures beyond the expectation file" : "**FAILED**: \(failing.count) case\(failing.count == 1 ? "" : "s") fail the run")
        out += " · \(summary.pass)/\(summary.total) pass (" + summary.compliance.fixed(1) + " %)"
        out += " · \(summary.fail) fail · \(summary.unimplemented) unimplemented · \(summary.error) error"
        out += (summary.knownFailures > 0 ? " · \(summary.knownFailures) known" : "") + " · " + report.seconds.fixed(2) + " s"
        out += " · service " + summary.serviceCompliance.fixed(1) + " % · strict " + summary.strictCompliance.fixed(1) + " %"
            + (report.strict ? " (run with --strict)" : "") + "\n\n"
        out += findingsMarkdown(report) + "\n"
        out += "| topic | cases | pass | fail | unimplemented | error |\n|---|---:|---:|---:|---:|---:|\n"
        for (topic, results) in Dictionary(grouping: report.results, by: \.topic).sorted(by: { $0.key < $1.key }) {
            out += "| \(cell(topic)) | \(results.count) | " + Verdict.allCases.map { verdict in
                "\(results.count { $0.verdict == verdict })"
            }.joined(separator: " | ") + " |\n"
        }
        if !failing.isEmpty {
            let groups = ResultGroup.groups(of: failing)
            out += "\n### Failures (\(failing.count) case\(failing.count == 1 ? "" : "s"), \(groups.count) distinct)\n\n"
            out += "| verdict | count | expected | got | cases |\n|---|---:|---|---|---|\n"
            for group in groups {
                let verdict = group.known == .unexpectedPass ? "unexpected pass" : group.verdict.rawValue
                out += "| \(verdict) | \(group.ids.count) | \(cell(group.expected ?? "")) | \(cell(group.got ?? "")) | "
                    + "\(cell(group.shownIDs(among: report.results))) |\n"
            }
        }
        let allNotes = report.results.flatMap(\.notes)
        for (title, isKnown) in [("Known issues (from the expectation file)", true), ("Notes", false)] {
            let notes = Dictionary(grouping: allNotes.filter { $0.hasPrefix("known issue") == isKnown }, by: { $0 })
            guard !notes.isEmpty else { continue }
            out += "\n### \(title)\n\n"
            for (note, all) in notes.sorted(by: { $0.key < $1.key }) { out += "- \(all.count) × \(cell(note))\n" }
        }
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
        let time = report.seconds.fixed(3)
        func xml(_ text: String) -> String { MarkupText.escaped(text, limit: 2000, multiline: true) }
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += "<testsuites name=\"\(xml(name))\" tests=\"\(summary.total)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(time)\">\n"
        out += "  <testsuite name=\"\(xml(name))\" tests=\"\(summary.total)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(time)\" timestamp=\"\(xml(report.started))\">\n"
        out += findingsJUnit(report)
        for result in report.results {
            let topic = result.id.split(separator: ".").first.map(String.init) ?? result.id
            out += "    <testcase classname=\"\(xml(report.implementation.kind)).\(xml(topic))\" name=\"\(xml(result.id))\" time=\"\((result.milliseconds / 1000).fixed(3))\""
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
                // The failure's type names its cause, as the findings do.
                let cause = result.deviations.first { $0.severity.failsRun(strict: report.strict) }?.finding
                let type = report.isDisputed(result) ? "dispute" : cause ?? verdict.rawValue
                out += ">\n      <failure type=\"\(type)\" message=\"\(xml(result.got ?? verdict.rawValue))\">\(xml(detail))</failure>\n    </testcase>\n"
            }
        }
        out += junitRunOutput(report)
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }
}
