import FeedbackLint
import FeedbackRules
import Foundation
import Testing

/// `Linter` driven directly, as `lint --jsonl` drives it.
@Suite("Linter")
struct LinterTests {
    @Test("Each line gets its own result in order, with its number; the worst outcome sets the status")
    func linesInOrder() throws {
        let valid = #"{"UserPoolId":"us-east-1_abc","Username":"linter-canary-name","EventId":"e1","FeedbackValue":"Valid"}"#
        let invalid = valid.replacingOccurrences(of: "\"Valid\"", with: "\"valid\"")
        let run = try lint([valid, invalid, "{"].joined(separator: "\n") + "\n",
                           linter(.json, operation: .adminUpdateAuthEventFeedback))
        #expect(run.summary == LintSummary(valid: 1, invalid: 1, unusable: 1))
        #expect(run.summary.exitStatus == 2)
        #expect(run.lines.count == 3)
        #expect(run.lines[0].contains("\"line\":1") && run.lines[0].contains("\"valid\":true"))
        #expect(run.lines[1].contains("\"line\":2") && run.lines[1].contains("\"errorType\":\"InvalidParameterException\""))
        #expect(run.lines[2].contains("\"line\":3") && run.lines[2].contains("\"error\":"))
        #expect(!run.text.contains("linter-canary-name"), "a Username value reached the output")
    }

    @Test("Valid lines only: status 0; an invalid one: status 1")
    func statuses() throws {
        let valid = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Invalid"}"#
        let admin = linter(.text, operation: .adminUpdateAuthEventFeedback)
        #expect(try lint(valid + "\n" + valid + "\n", admin).summary.exitStatus == 0)
        #expect(try lint(valid + "\n" + valid.replacingOccurrences(of: "e1", with: "") + "\n", admin).summary.exitStatus == 1)
    }
}
