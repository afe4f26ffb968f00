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

    @Test func everyAnswerCarriesItsOwnRequestIdShapedAsALowercaseVersion4UUID() async throws {
        try await harness.run { client in
            let success = try await client.post("UpdateAuthEventFeedback", feedbackBody(), signedWith: nil)
            let refusal = try await client.post("UpdateAuthEventFeedback", "[]", signedWith: nil)
            let ids = [success.requestId, refusal.requestId].compactMap { $0 }
            #expect(ids.count == 2)
            #expect(Set(ids).count == ids.count)
            for id in ids { #expect(Self.isLowercaseVersion4UUID(id), "\(id)") }
        }
    }

    /// RFC 9562's text form: 8-4-4-4-12 lowercase hex digits, version 4, variant `10`.
    static func isLowercaseVersion4UUID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), !(UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) {
                return false
            }
        }
        return bytes[14] == UInt8(ascii: "4") && "89ab".utf8.contains(bytes[19])
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
