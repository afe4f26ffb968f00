import FeedbackSigning
import Testing
import FeedbackEmulator

@Suite struct AdminAuthorizationTests {
    static let keys = AWSCredentials(accessKeyId: "AKIDEMULATOR", secretAccessKey: "emulator-secret")

    static func verifying() -> EmulatorHarness {
        var harness = EmulatorHarness()
        harness.configuration.credentials = keys
        return harness
    }

    @Test func anUnsignedAdminRequestIsRefused() async throws {
        try await EmulatorHarness().run { client in
            let answer = try await client.post("AdminUpdateAuthEventFeedback", feedbackBody(token: nil), signedWith: nil)
            #expect(answer.status == 400)
            #expect(answer.type == "MissingAuthenticationTokenException")
        }
    }

    @Test func aScopeNamingAnotherRegionIsRefused() async throws {
        try await EmulatorHarness().run { client in
            let answer = try await client.post("AdminUpdateAuthEventFeedback", feedbackBody(token: nil), region: "eu-west-1")
            #expect(answer.type == "InvalidSignatureException")
        }
    }

    @Test func aScopeNamingAnotherServiceIsRefused() async throws {
        try await EmulatorHarness().run { client in
            let answer = try await client.post("AdminUpdateAuthEventFeedback", feedbackBody(token: nil), service: "cognito-identity")
            #expect(answer.type == "InvalidSignatureException")
        }
    }

    @Test func anyAccessKeyIsAcceptedWhenNoneIsConfigured() async throws {
        try await EmulatorHarness().run { client in
            let answer = try await client.post("AdminUpdateAuthEventFeedback", feedbackBody(token: nil),
                                                        signedWith: AWSCredentials(accessKeyId: "AKIDANY", secretAccessKey: "any"))
            #expect(answer.status == 200)
        }
    }

    @Test func aSignatureOfTheConfiguredKeysIsAccepted() async throws {
        try await Self.verifying().run { client in
            let answer = try await client.post("AdminUpdateAuthEventFeedback", feedbackBody(token: nil), signedWith: Self.keys)
            #expect(answer.status == 200)
        }
    }

    @Test func aSignatureWithAnotherSecretIsRefused() async throws {
        try await Self.verifying().run { client in
            let answer = try await client.post("AdminUpdateAuthEventFeedback", feedbackBody(token: nil),
                                                        signedWith: AWSCredentials(accessKeyId: "AKIDEMULATOR", secretAccessKey: "other"))
            #expect(answer.type == "InvalidSignatureException")
        }
    }

    @Test func anotherAccessKeyIsRefused() async throws {
        try await Self.verifying().run { client in
            let answer = try await client.post("AdminUpdateAuthEventFeedback", feedbackBody(token: nil), signedWith: .test)
            #expect(answer.type == "UnrecognizedClientException")
        }
    }

    @Test func updateNeedsNoSignatureEvenWhenKeysAreConfigured() async throws {
        try await Self.verifying().run { client in
            let answer = try await client.post("UpdateAuthEventFeedback", feedbackBody(), signedWith: nil)
            #expect(answer.status == 200)
        }
    }
}
