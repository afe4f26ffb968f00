import FeedbackSigning
import FeedbackWire
import Testing
import FeedbackEmulator

@Suite struct FeedbackFlowTests {
    let harness = EmulatorHarness()
    static let list = #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"alice"}"#

    private static func feedback(of answer: Answer, event: String) -> [String: JSONValue]? {
        guard case .array(let events)? = answer.json["AuthEvents"] else { return nil }
        for case .object(let object) in events where object["EventId"] == .string(event) {
            if case .object(let feedback)? = object["EventFeedback"] { return feedback }
        }
        return nil
    }

    @Test func userFeedbackWithTheRightTokenIsRecordedAndListed() async throws {
        try await harness.run { client in
            let given = try await client.post("UpdateAuthEventFeedback", feedbackBody(), signedWith: nil)
            #expect(given.status == 200)
            #expect(given.json.isEmpty)
            #expect(given.requestId?.isEmpty == false)
            let listed = try await client.post("AdminListUserAuthEvents", Self.list)
            #expect(listed.status == 200)
            let feedback = Self.feedback(of: listed, event: EmulatorHarness.event)
            #expect(feedback?["FeedbackValue"] == .string("Invalid"))
            #expect(feedback?["Provider"] == .string("USER"))
            if case .number(let date)? = feedback?["FeedbackDate"] { #expect(date > 1_700_000_000) } else { Issue.record("no FeedbackDate") }
        }
    }

    @Test func adminFeedbackIsRecordedWithTheAdminProvider() async throws {
        try await harness.run { client in
            let given = try await client.post("AdminUpdateAuthEventFeedback", feedbackBody(token: nil, value: "Valid"))
            #expect(given.status == 200)
            let listed = try await client.post("AdminListUserAuthEvents", Self.list)
            let feedback = Self.feedback(of: listed, event: EmulatorHarness.event)
            #expect(feedback?["FeedbackValue"] == .string("Valid"))
            #expect(feedback?["Provider"] == .string("ADMIN"))
        }
    }

    @Test func updateAcceptsASignedRequest() async throws {
        try await harness.run { client in
            let given = try await client.post("UpdateAuthEventFeedback", feedbackBody())
            #expect(given.status == 200)
        }
    }

    @Test(arguments: [
        (feedbackBody(token: "wrong.token"), "NotAuthorizedException"),
        (feedbackBody(user: "mallory"), "UserNotFoundException"),
        (feedbackBody(pool: "us-east-1_UNKNOWN"), "ResourceNotFoundException"),
        (feedbackBody(event: "e-unknown"), "ResourceNotFoundException"),
        (feedbackBody(pool: "us-east-1_NOADDON"), "UserPoolAddOnNotEnabledException"),
        // The username as sent: the decomposed spelling of a seeded composed one is another user.
        (feedbackBody(user: "e\u{301}le\u{300}ve", event: "e-nfc", token: "nfc"), "UserNotFoundException"),
    ])
    func businessRefusalsUseTheModelledErrors(body: String, type: String) async throws {
        try await harness.run { client in
            let answer = try await client.post("UpdateAuthEventFeedback", body, signedWith: nil)
            #expect(answer.status == 400)
            #expect(answer.type == type)
            #expect(answer.errorTypeHeader == type + ":")
            #expect(answer.message?.contains("mallory") == false)
            let listed = try await client.post("AdminListUserAuthEvents", Self.list)
            #expect(Self.feedback(of: listed, event: EmulatorHarness.event) == nil, "a refused request records nothing")
        }
    }

    @Test func theComposedSpellingOfASeededUsernameFindsIt() async throws {
        try await harness.run { client in
            let answer = try await client.post("UpdateAuthEventFeedback",
                                                        feedbackBody(user: "\u{E9}l\u{E8}ve", event: "e-nfc", token: "nfc"), signedWith: nil)
            #expect(answer.status == 200)
        }
    }

    @Test func theStateDocumentShowsRecordedFeedbackAndNoToken() async throws {
        try await harness.run { client in
            _ = try await client.post("UpdateAuthEventFeedback", feedbackBody(), signedWith: nil)
            let text = try await client.get("/_emulator/state")
            #expect(text.contains(#""provider": "USER""#))
            #expect(!text.contains(EmulatorHarness.token))
        }
    }
}
