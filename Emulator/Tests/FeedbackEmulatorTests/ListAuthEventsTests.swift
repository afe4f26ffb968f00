import FeedbackWire
import Testing
import FeedbackEmulator

@Suite struct ListAuthEventsTests {
    let harness = EmulatorHarness()

    static func eventIds(_ answer: Answer) -> [String] {
        guard case .array(let events)? = answer.json["AuthEvents"] else { return [] }
        return events.compactMap { if case .object(let o) = $0, case .string(let id)? = o["EventId"] { id } else { nil } }
    }

    @Test func eventsArePagedNewestFirst() async throws {
        try await harness.run { client in
            let first = try await client.post("AdminListUserAuthEvents",
                                                       #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"alice","MaxResults":2}"#)
            #expect(Self.eventIds(first) == ["e-1", "e-0"])
            guard case .string(let next)? = first.json["NextToken"] else { Issue.record("no NextToken"); return }
            let second = try await client.post("AdminListUserAuthEvents",
                                                        #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"alice","MaxResults":2,"NextToken":"\#(next)"}"#)
            #expect(Self.eventIds(second) == ["e-2"])
            #expect(second.json["NextToken"] == nil)
        }
    }

    @Test(arguments: [0, 60])
    func zeroOrSixtyListsUpToSixty(maxResults: Int) async throws {
        try await harness.run { client in
            let answer = try await client.post("AdminListUserAuthEvents",
                                                        #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"alice","MaxResults":\#(maxResults)}"#)
            #expect(Self.eventIds(answer).count == 3)
        }
    }

    @Test(arguments: [
        (#"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"alice","MaxResults":61}"#,
         "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60"),
        (#"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"alice","MaxResults":-1}"#,
         "1 validation error detected: Value '-1' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 0"),
        (#"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"alice","NextToken":"a b"}"#,
         "1 validation error detected: Value 'a b' at 'nextToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+"),
        (#"{"UserPoolId":"bad","Username":"alice","MaxResults":61}"#,
         "2 validation errors detected: Value 'bad' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+; Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60"),
        (#"{"UserPoolId":"us-east-1_EXAMPLE1"}"#,
         "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null"),
    ])
    func documentedLimitsAreValidated(body: String, message: String) async throws {
        try await harness.run { client in
            let answer = try await client.post("AdminListUserAuthEvents", body)
            #expect(answer.status == 400)
            #expect(answer.type == "InvalidParameterException")
            #expect(answer.message == message)
        }
    }

    @Test(arguments: [#"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"alice","MaxResults":"2"}"#,
                      #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"alice","MaxResults":1.5}"#,
                      #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":7}"#,
                      #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"alice","NextToken":[]}"#])
    func wrongTypesAreSerializationExceptions(body: String) async throws {
        try await harness.run { client in
            let answer = try await client.post("AdminListUserAuthEvents", body)
            #expect(answer.type == "SerializationException")
        }
    }

    @Test func unknownUsersAndPoolsUseTheModelledErrors() async throws {
        try await harness.run { client in
            let user = try await client.post("AdminListUserAuthEvents", #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"bob"}"#)
            #expect(user.type == "UserNotFoundException")
            let pool = try await client.post("AdminListUserAuthEvents", #"{"UserPoolId":"us-east-1_NONE","Username":"bob"}"#)
            #expect(pool.type == "ResourceNotFoundException")
            let token = try await client.post("AdminListUserAuthEvents",
                                                       #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"alice","NextToken":"made-up"}"#)
            #expect(token.type == "InvalidParameterException")
        }
    }
}
