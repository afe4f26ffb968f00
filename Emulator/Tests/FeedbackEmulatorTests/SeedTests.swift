import Foundation
import Testing
import FeedbackEmulator

@Suite struct SeedTests {
    @Test func theShippedExampleLoads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seed.example.json")
        let seed = try Seed(json: try Data(contentsOf: url))
        #expect(seed.userPools.map(\.id) == ["us-east-1_EXAMPLE1", "us-east-1_NOADDON"])
        #expect(seed.userPools[0].users[0].authEvents[1].feedback?.provider == "USER")
    }

    @Test(arguments: [
        (#"{"userPools":[{"id":"no-underscore"}]}"#, "userPools[0]: no request could name it"),
        (#"{"userPools":[{"id":"us-east-1_A"},{"id":"us-east-1_A"}]}"#, "userPools[1].id repeats"),
        (#"{"userPools":[{"id":"us-east-1_A","users":[{"username":"a"},{"username":"a"}]}]}"#, "users[1].username repeats"),
        (#"{"userPools":[{"id":"us-east-1_A","users":[{"username":"a","authEvents":[{"eventId":"e","feedbackToken":"a/b"}]}]}]}"#,
         "authEvents[0]: no request could name it"),
        (#"{"userPools":[{"id":"us-east-1_A","users":[{"username":"a","authEvents":[{"eventId":"e","feedbackToken":"t","eventType":"Login"}]}]}]}"#,
         "authEvents[0].eventType must be one of"),
        (#"{"userPools":[{"users":[]}]}"#, "userPools[0].id is required"),
        (#"{"userPools":[{"id":"us-east-1_A","users":[{"username":"a","authEvents":[{"eventId":"e","feedbackToken":"t","creationDate":"yesterday"}]}]}]}"#,
         "creationDate"),
    ])
    func unusableSeedsAreRefusedSayingWhere(json: String, reason: String) {
        #expect {
            _ = try Seed(json: Data(json.utf8))
        } throws: { error in
            String(describing: error).contains(reason)
        }
    }

    @Test func aRefusalNeverQuotesAToken() {
        let json = #"{"userPools":[{"id":"us-east-1_A","users":[{"username":"a","authEvents":[{"eventId":"e","feedbackToken":"secret/token"}]}]}]}"#
        #expect {
            _ = try Seed(json: Data(json.utf8))
        } throws: { error in
            !String(describing: error).contains("secret")
        }
    }
}
