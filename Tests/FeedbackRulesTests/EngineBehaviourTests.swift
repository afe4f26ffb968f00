import FeedbackConformance
import FeedbackRules
import Foundation
import FeedbackTestSupport
import Testing

/// Behaviours stated in the issue and the API facts, each shown on a named example.
@Suite("Engine behaviour")
struct EngineBehaviourTests {
    static let valid = UpdateAuthEventFeedbackRequest(
        userPoolId: "us-east-1_EXAMPLE", username: "alice", eventId: "e-1", feedbackToken: "abc.def=", feedbackValue: "Valid")

    @Test("A valid request reports nothing")
    func validRequest() {
        let report = Self.valid.validate()
        #expect(report.isValid && report.errorType == nil && report.message == nil && report.violations.isEmpty)
    }

    @Test("One violation reads exactly as Cognito's message")
    func singleMessage() {
        var request = Self.valid
        request.userPoolId = "YOUR USER POOL ID"
        #expect(request.validate().message == #"1 validation error detected: Value 'YOUR USER POOL ID' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+"#)
        #expect(request.validate().errorType == .invalidParameter)
    }

    @Test("An empty username fails length and pattern, counted as two errors")
    func emptyUsername() {
        var request = Self.valid
        request.username = ""
        let report = request.validate()
        #expect(report.violations.map(\.kind) == [.length, .pattern])
        #expect(report.message == "2 validation errors detected: Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+")
    }

    @Test("Absent and null members read 'Value null ... must not be null'")
    func absentMember() throws {
        let report = AdminUpdateAuthEventFeedbackRequest(userPoolId: "a_b", eventId: "e", feedbackValue: "Valid").validate()
        #expect(report.message == "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null")
        let body = try RequestBody(json: Data(#"{"UserPoolId":"a_b","Username":null,"EventId":"e","FeedbackValue":"Valid"}"#.utf8))
        #expect(FeedbackOperation.adminUpdateAuthEventFeedback.validate(body) == report)
    }

    @Test("The pool ID pattern splits at the last underscore", arguments: [
        ("us-east-1_abc_def", true), ("us-east-1_abc-def", false), ("a__b", true), ("_a", false), ("a_", false), ("-_a", true),
    ])
    func poolIdBacktracking(_ value: String, _ matches: Bool) {
        #expect(Pattern.userPoolId.matches(value) == matches)
    }

    /// Correctness on megabyte values, and no backtracking: a quadratic
    /// matcher would take hours here, and hit the time limit. How fast 10 MB
    /// values go is a benchmark (`speed-ratio`'s long values), not a test.
    @Test("A 1 MB pool-ID-shaped value and a 1 MB token are judged in one linear pass", .timeLimit(.minutes(1)))
    func linearOnHugeValues() {
        let poolShaped = String(repeating: "a_", count: 500_000) + "-"
        #expect(!Pattern.userPoolId.matches(poolShaped))
        #expect(Pattern.userPoolId.matches(String(repeating: "a_", count: 500_000) + "b"))
        let token = String(repeating: "A", count: 1_000_000)
        let scan = Pattern.feedbackToken.scan(token)
        #expect(scan.scalarCount == 1_000_000 && scan.matches)
        #expect(!Pattern.feedbackToken.matches(token + "+"))
    }

    @Test("The enum compares bytes: canonical equivalents and case variants fail")
    func enumIsExact() {
        #expect(AllowedValues.feedbackValue.contains("Valid"))
        #expect(!AllowedValues.feedbackValue.contains("valid"))
        #expect(!AllowedValues.feedbackValue.contains("Valid "))
        // String == would call these equal; the service would not.
        #expect("\u{212A}" == "K" && !Pattern.eventId.matches("\u{212A}"))
    }

    @Test("A wrong JSON type stops at deserialization with SerializationException")
    func typeMismatch() throws {
        let body = try RequestBody(json: Data(#"{"UserPoolId":"bad pool","Username":7,"EventId":"e","FeedbackValue":true}"#.utf8))
        let report = FeedbackOperation.adminUpdateAuthEventFeedback.validate(body)
        #expect(report.errorType == .serialization)
        #expect(report.violations.map(\.member) == [.username, .feedbackValue])
        #expect(report.violations.allSatisfy { $0.kind == .type })
    }

    @Test("Duplicate keys: the last value wins")
    func duplicateKeys() throws {
        let body = try RequestBody(json: Data(#"{"EventId":"bad id","EventId":"good"}"#.utf8))
        #expect(body[.eventId] == .string("good"))
    }

    @Test("Requests round-trip through their PascalCase JSON body")
    func codable() throws {
        let data = try JSONEncoder().encode(Self.valid)
        #expect(String(decoding: data, as: UTF8.self).contains("\"FeedbackToken\""))
        #expect(try JSONDecoder().decode(UpdateAuthEventFeedbackRequest.self, from: data) == Self.valid)
        #expect(FeedbackOperation.updateAuthEventFeedback.validate(try RequestBody(json: data)).isValid)
    }
}
