import FeedbackConformance
import FeedbackRules
import FeedbackTestSupport
import Testing

/// Canary values that must never appear in any text the library produces.
enum Canary {
    static let username = "CANARY-user 9d2f"  // invalid: contains a space
    static let token = "CANARY+token/9d2f"     // invalid: + and /

    static func assertAbsent(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains("CANARY"), "\(what) shows a sensitive value", sourceLocation: sourceLocation)
        #expect(!text.contains("9d2f"), "\(what) shows part of a sensitive value", sourceLocation: sourceLocation)
    }
}

@Suite("Sensitive values are never shown")
struct RedactionTests {
    let update = UpdateAuthEventFeedbackRequest(
        userPoolId: "us-east-1_abc", username: Canary.username, eventId: "e1",
        feedbackToken: Canary.token, feedbackValue: "Valid")
    let admin = AdminUpdateAuthEventFeedbackRequest(
        userPoolId: "us-east-1_abc", username: Canary.username, eventId: "e1", feedbackValue: "Valid")

    @Test("description, debugDescription, interpolation, dump and Mirror hide Username and FeedbackToken")
    func requestTextsHideSecrets() {
        for request in [update as any FeedbackRequest, admin as any FeedbackRequest] {
            Canary.assertAbsent(String(describing: request), "description")
            Canary.assertAbsent(String(reflecting: request), "debugDescription")
            Canary.assertAbsent("\(request)", "interpolation")
            var dumped = ""
            dump(request, to: &dumped)
            Canary.assertAbsent(dumped, "dump")
            Canary.assertAbsent(String(describing: Mirror(reflecting: request).children.map(\.value)), "Mirror")
        }
        #expect(update.description.contains("us-east-1_abc"), "non-sensitive members stay visible")
        #expect(update.description.contains("username: <redacted>"))
    }

    @Test("Messages and violations of invalid sensitive members omit the value")
    func messagesHideSecrets() throws {
        for report in [update.validate(), admin.validate()] {
            #expect(!report.isValid)
            Canary.assertAbsent(try #require(report.message), "the aggregate message")
            for violation in report.violations {
                Canary.assertAbsent(violation.message, "a violation message")
                Canary.assertAbsent("\(violation)", "a violation description")
            }
            Canary.assertAbsent(String(reflecting: report), "the report's debug description")
        }
        #expect(update.validate().message!.contains("Value at 'username' failed"))
        #expect(update.validate().message!.contains("Value at 'feedbackToken' failed"))
    }

    @Test("A too-long or type-mismatched sensitive member is not shown either")
    func otherConstraintsHideSecrets() {
        let long = UpdateAuthEventFeedbackRequest(username: String(repeating: "CANARY", count: 30)).validate()
        Canary.assertAbsent(long.message!, "a length message")
        let body = RequestBody(members: ["Username": .number(9), "FeedbackToken": .string(Canary.token)])
        Canary.assertAbsent(FeedbackOperation.updateAuthEventFeedback.validate(body).message!, "a type message")
    }

    @Test("Wire bodies, member values and vectors hide sensitive values in every description")
    func wireTypesHideSecrets() throws {
        let body = RequestBody(members: [
            "Username": .string(Canary.username), "FeedbackToken": .string(Canary.token), "EventId": .string("e1"),
        ])
        for text in [body.description, String(reflecting: body), "\(body)", "\(body[.username])", String(reflecting: body[.feedbackToken])] {
            Canary.assertAbsent(text, "a wire body text")
        }
        var dumped = ""
        dump(body, to: &dumped)
        dump(body[.username], to: &dumped)
        Canary.assertAbsent(dumped, "dump of a wire body")
        #expect(body.description.contains(#"EventId: "e1""#) && body.description.contains("Username: <redacted>"))

        let vector = try #require(Vectors.library?.vector(id: "redaction.username-canary.update"))
        var vectorDump = ""
        dump(vector, to: &vectorDump)
        for text in [vector.description, String(reflecting: vector), vectorDump] {
            #expect(!text.contains("7f3a91"), "a vector text shows its sensitive test value")
        }
    }
}
