import FeedbackLint
import FeedbackRules
import FeedbackTestSupport
import Foundation
import Testing

/// No output format shows a `Username` or `FeedbackToken` value: not in
/// results, rule descriptions, positions or error messages.
@Suite("lint redaction canaries")
struct RedactionCanaryTests {
    static let canary = "CANARY7e1f"
    /// Bodies whose sensitive members hold the canary, valid or not, and
    /// lines that cannot be judged with the canary inside.
    static let bodies = [
        #"{"UserPoolId":"us-east-1_abc","Username":"\#(canary) user","EventId":"e","FeedbackToken":"\#(canary)/+","FeedbackValue":"Valid"}"#,
        #"{"UserPoolId":"us-east-1_abc","Username":"\#(canary)","EventId":"e","FeedbackToken":"\#(canary)","FeedbackValue":"Valid"}"#,
        #"{"UserPoolId":"bad","Username":"\#(String(repeating: canary, count: 20))","FeedbackToken":42}"#,
        #"{"Username":"\#(canary)\ud800","FeedbackToken":"\#(canary)"}"#,
        #"{"Username":"\#(canary)"#,
        #"{"FeedbackToken":\#(canary)}"#,
    ]

    @Test("Every format, as JSON Lines, as an array and one body at a time", arguments: LintFormat.allCases)
    func noSensitiveValue(_ format: LintFormat) throws {
        var outputs = [try lint(Self.bodies.joined(separator: "\n"), linter(format))]
        outputs.append(try lint("[" + Self.bodies.prefix(3).joined(separator: ",") + "]", linter(format, jsonLines: false)))
        for body in Self.bodies {
            outputs.append(try lint(body, linter(format, jsonLines: false)))
            outputs.append(try lint(body, linter(format, jsonLines: false, operation: .adminUpdateAuthEventFeedback)))
        }
        for output in outputs {
            #expect(!output.text.contains(Self.canary), "\(format): \(output.text.prefix(300))")
        }
        #expect(outputs[0].summary.invalid >= 2 && outputs[0].summary.unusable >= 2)
    }
}
