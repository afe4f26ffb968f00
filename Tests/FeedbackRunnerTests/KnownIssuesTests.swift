import FeedbackConformance
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
}
