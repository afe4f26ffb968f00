import FeedbackConformance
import Foundation
import FeedbackTestSupport
import Testing
@testable import FeedbackRunner

@Suite("Expectation files")
struct KnownIssuesTests {
    @Test("A pattern with * covers ids by glob, whole id only", arguments: [
        ("*", "username-pattern.zwj.update", true),
        ("username-pattern.*", "username-pattern.zwj.update", true),
        ("username-pattern.*.admin", "username-pattern.zwj.update", false),
        ("*.update", "username-pattern.zwj.update", true),
        ("username", "username-pattern.zwj.update", false),
        ("a*b*c", "axxbyyc", true),
        ("a*b*c", "axxbyy", false),
    ])
    func globCoversWholeIds(pattern: String, id: String, covered: Bool) {
        #expect(IDPattern(pattern).matches(id) == covered)
    }

    @Test("A known failure does not fail the run; a new one or an unexpected pass does")
    func knownFailuresGateOnlyNewOnes() {
        let file = KnownIssues(knownIssues: [
            .init(ids: "a.*", verdict: .fail, reason: "bug 1"),
            .init(ids: "b", verdict: .unimplemented, reason: "missing"),
        ])
        let results = file.apply(to: [
            CaseResult(id: "a.1", verdict: .fail),
            CaseResult(id: "a.2", verdict: .pass),
            CaseResult(id: "a.3", verdict: .error),
            CaseResult(id: "b", verdict: .unimplemented),
            CaseResult(id: "c", verdict: .pass),
        ])
        #expect(results.map(\.known) == [.expected, .unexpectedPass, nil, .expected, nil])
        #expect(results.map(\.failsRun) == [false, true, true, false, false])
    }

    @Test("An entry takes one pattern or a list, and leaves out what `except` names")
    func listsAndExceptions() throws {
        let file = try KnownIssues(json: JSONFields(parsing: Array(#"""
            {"knownIssues": [
              {"ids": ["a.*", "b.1"], "except": "a.empty", "verdict": "fail", "reason": "signs"},
              {"ids": "c.*", "except": ["c.x", "c.y"], "verdict": "error", "reason": "crashes"}
            ]}
            """#.utf8), document: "known.json"))
        let results = file.apply(to: [
            CaseResult(id: "a.1", verdict: .fail), CaseResult(id: "a.empty", verdict: .pass), CaseResult(id: "b.1", verdict: .fail),
            CaseResult(id: "c.z", verdict: .error), CaseResult(id: "c.x", verdict: .pass),
        ])
        #expect(results.map(\.known) == [.expected, nil, .expected, .expected, nil])
        #expect(results.allSatisfy { !$0.failsRun })
        #expect(throws: JSONFieldError(document: "known.json", path: "knownIssues[0].ids",
                                       expected: "ids or findings, not both nor neither")) {
            try KnownIssues(json: JSONFields(parsing: Array(#"{"knownIssues":[{"ids":[],"verdict":"fail","reason":"r"}]}"#.utf8),
                                             document: "known.json"))
        }
        #expect(throws: JSONFieldError(document: "known.json", path: "knownIssues[1].verdict",
                                       expected: "one of the values the format lists")) {
            try KnownIssues(json: JSONFields(parsing: Array(#"""
                {"knownIssues":[{"ids":"a","verdict":"fail","reason":"r"},{"ids":"b","verdict":"flaky","reason":"r"}]}
                """#.utf8), document: "known.json"))
        }
    }
}
