import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FeedbackTestSupport
import Testing
import FeedbackConformance
@testable import FeedbackRunner

@Suite("Conformance reports")
struct ReportFormatTests {
    /// One case of each kind, with hostile text where an implementation could put some.
    static let report: ConformanceReport = {
        let known = KnownIssues(knownIssues: [
            .init(ids: "known.*", verdict: .fail, reason: "bug <42> & co"),
        ])
        let results = known.apply(to: [
            CaseResult(id: "a.pass.update", verdict: .pass, milliseconds: 1.5),
            CaseResult(id: "b.fail.update", verdict: .fail, expected: "HTTP 400 InvalidParameterException",
                       got: "HTTP 200 \u{1B}[31mred\u{1B}[0m </failure><![CDATA[", milliseconds: 2),
            CaseResult(id: "c.unimplemented.admin", verdict: .unimplemented, got: "HTTP 500 not implemented"),
            CaseResult(id: "d.error.admin", verdict: .error, got: "timed out after 1 s"),
            CaseResult(id: "known.fail.update", verdict: .fail, got: "HTTP 200"),
            CaseResult(id: "known.pass.admin", verdict: .pass),
        ])
        return ConformanceReport(
            implementation: .init(kind: "server", name: "fixture\u{7}", target: "http://127.0.0.1:1"),
            tool: "0.0.0", started: Date(timeIntervalSince1970: 0), seconds: 1.25, results: results)
    }()

    @Test("The summary counts verdicts, known issues and compliance as pass / total")
    func summaryCounts() {
        let summary = Self.report.summary
        #expect([summary.total, summary.pass, summary.fail, summary.unimplemented, summary.error] as [Int] == [6, 2, 2, 1, 1])
        #expect(summary.knownFailures == 1 && summary.unexpectedPasses == 1)
        #expect(abs(summary.compliance - 100.0 * 2 / 6) < 1e-9)
        #expect(!Self.report.passed)
    }

    @Test("Text shows the table by verdict and by topic, each failure with expected, got and its cases, escaped")
    func textReport() {
        let text = ReportFormat.text.render(Self.report)
        #expect(text.contains("  fail                2  (1 known)"))
        #expect(text.contains(" 33.3 %"))
        #expect(text.contains("BY TOPIC\n  topic  cases   pass   fail unimpl  error\n  a          1      1      0      0      0\n"))
        #expect(text.contains("FAILURES (4 cases, 4 distinct)\n"))
        #expect(text.contains("FAIL × 1\n    expected: HTTP 400 InvalidParameterException\n    got:      HTTP 200 \\u{1B}[31mred"))
        #expect(text.contains("    cases:    b.fail.update\n"))
        #expect(text.contains("ERROR × 1\n    got:      timed out after 1 s\n    cases:    d.error.admin\n"))
        #expect(text.contains("PASS × 1\n    passed, but the expectation file lists it"))
        #expect(!text.contains("known.fail.update"), "a known failure is not listed as a failure")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.hasSuffix("FAILED: 4 cases fail the run\n"))
    }

    @Test("Identical verdicts collapse to one entry with a count; a whole topic shows as topic.*")
    func textCollapses() {
        let results = (0..<762).map { index in
            CaseResult(id: "topic\(index % 3).case\(index).update", verdict: .unimplemented, expected: "HTTP 400",
                       got: "HTTP 500 without an error type")
        } + [CaseResult(id: "topic0.other.update", verdict: .error, got: "timed out after 1 s")]
        let report = ConformanceReport(implementation: .init(kind: "server", name: "moto", target: "http://h"), tool: "0",
                                       started: Date(timeIntervalSince1970: 0), seconds: 1, results: results)
        let text = ReportFormat.text.render(report)
        #expect(text.contains("FAILURES (763 cases, 2 distinct)"))
        #expect(text.contains("UNIMPLEMENTED × 762\n"))
        #expect(text.contains("    cases:    topic1.* (254), topic2.* (254), topic0.case0.update, topic0.case3.update,"))
        #expect(text.contains(", and 242 more\n"))
        #expect(text.split(separator: "\n").count < 40, "a short report, not one block per case")
        let json = ReportFormat.json.render(report)
        #expect(json.components(separatedBy: "\"verdict\": \"unimplemented\"").count == 763, "JSON keeps every case")
    }

    @Test("Markdown has the summary line, the topic table and the failures, with cells escaped")
    func markdownReport() {
        let markdown = ReportFormat.markdown.render(Self.report)
        #expect(markdown.hasPrefix("## cognito-feedback conform: server fixture\\u{7}\n\n**FAILED**: 4 cases fail the run · 2/6 pass (33.3 %)"))
        #expect(markdown.contains("| topic | cases | pass | fail | unimplemented | error |"))
        #expect(markdown.contains("| fail | 1 | HTTP 400 InvalidParameterException | HTTP 200 \\u{1B}\\[31mred\\u{1B}\\[0m &lt;/failure&gt;&lt;!\\[CDATA\\[ | b.fail.update |"))
        #expect(markdown.contains("- 1 × known issue: bug &lt;42&gt; &amp; co"))
    }

    @Test("JSON holds the whole report, summary included, and reads back")
    func jsonReport() throws {
        let data = Data(ReportFormat.json.render(Self.report).utf8)
        #expect(try ConformanceReport(jsonReport: data, document: "report.json") == Self.report)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["total"] as? Int == 6)
        #expect(summary["unexpectedPasses"] as? Int == 1)
    }

    @Test("JUnit XML parses, counts failures, errors and skips, and survives hostile text")
    func junitReport() throws {
        let xml = ReportFormat.junit.render(Self.report)
        let document = try XMLDocument(xmlString: xml, options: [])
        let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "tests")?.stringValue == "6")
        #expect(suite.attribute(forName: "failures")?.stringValue == "3")  // fail, unimplemented, unexpected pass
        #expect(suite.attribute(forName: "errors")?.stringValue == "1")
        #expect(suite.attribute(forName: "skipped")?.stringValue == "1")
        let cases = suite.elements(forName: "testcase")
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue ?? "" } == Self.report.results.map(\.id))
        let failed = try #require(cases.first { $0.attribute(forName: "name")?.stringValue == "b.fail.update" })
        let failure = try #require(failed.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue?.contains("</failure><![CDATA[") == true)
    }
}
