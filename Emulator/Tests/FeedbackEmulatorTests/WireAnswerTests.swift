import FeedbackWire
import Testing
import FeedbackEmulator

@Suite struct WireAnswerTests {
    let harness = EmulatorHarness()

    @Test(arguments: ["hello", "", "[]", "null", #"{"UserPoolId":"a_b",}"#, #"{"UserPoolId":"us-east-1_A"} {}"#,
                      #"{"Username":"\ud800"}"#])
    func bodiesThatAreNoUsableObjectAreSerializationExceptions(body: String) async throws {
        try await harness.run { client in
            let answer = try await client.post("UpdateAuthEventFeedback", body, signedWith: nil)
            #expect(answer.status == 400)
            #expect(answer.type == "SerializationException")
            #expect(answer.errorTypeHeader == "SerializationException:")
        }
    }

    @Test func aWrongJSONTypeIsASerializationException() async throws {
        try await harness.run { client in
            let body = #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":true,"EventId":"e-1","FeedbackToken":"t","FeedbackValue":"Valid"}"#
            let answer = try await client.post("UpdateAuthEventFeedback", body, signedWith: nil)
            #expect(answer.status == 400)
            #expect(answer.type == "SerializationException")
        }
    }

    @Test func constraintFailuresCarryTheEnginesMessage() async throws {
        try await harness.run { client in
            let answer = try await client.post("UpdateAuthEventFeedback", feedbackBody(value: "valid"), signedWith: nil)
            #expect(answer.status == 400)
            #expect(answer.type == "InvalidParameterException")
            #expect(answer.errorTypeHeader == "InvalidParameterException:")
            #expect(answer.message == "1 validation error detected: Value 'valid' at 'feedbackValue' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [Valid, Invalid]")
        }
    }

    @Test func theDuplicateKeysLastValueIsJudged() async throws {
        try await harness.run { client in
            let body = #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":" bad","Username":"alice","EventId":"e-1","FeedbackToken":"right.token=","FeedbackValue":"Valid"}"#
            let answer = try await client.post("UpdateAuthEventFeedback", body, signedWith: nil)
            #expect(answer.status == 200)
        }
    }

    @Test(arguments: ["AWSCognitoIdentityProviderService.AdminGetUser", "AWSCognitoIdentityProviderService.updateAuthEventFeedback",
                      "UpdateAuthEventFeedback", "AWSCognitoIdentityProviderService."])
    func otherTargetsAreUnknownOperations(target: String) async throws {
        try await harness.run { client in
            let answer = try await client.post("", "{}", signedWith: nil, fullTarget: target)
            #expect(answer.status == 400)
            #expect(answer.type == "UnknownOperationException")
        }
    }
}
