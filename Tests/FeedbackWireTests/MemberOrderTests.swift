import FeedbackRules
@testable import FeedbackWire
import Testing

/// `Member`'s declaration is the one table of the service model's member
/// order: these tests hold what is written out for speed to what derives
/// from it.
@Suite("Member order: one table, and what is written out for speed agrees with it")
struct MemberOrderTests {
    @Test("A member's ordinal is its index in allCases, and the model's order is UserPoolId, Username, EventId, FeedbackToken, FeedbackValue")
    func ordinalsFollowTheDeclaration() {
        #expect(Member.allCases.map(\.ordinal) == Array(0..<Member.allCases.count))
        // The service model's order (API reference, UpdateAuthEventFeedback request syntax).
        #expect(Member.allCases.map(\.wireName) == ["UserPoolId", "Username", "EventId", "FeedbackToken", "FeedbackValue"])
        for member in Member.allCases { #expect(Member(wireName: member.wireName) == member) }
        #expect(Member(wireName: "userPoolId") == nil)
    }

    @Test("Each operation's members are allCases less what it lacks, and a body's slot is a member's position among them",
          arguments: FeedbackOperation.allCases)
    func slotsArePositions(_ operation: FeedbackOperation) {
        #expect(operation.members == Member.allCases.filter(operation.has))
        for member in Member.allCases {
            #expect(operation.slot(of: member) == operation.position(of: member), "\(operation) \(member)")
            #expect(operation.position(of: member) == operation.members.firstIndex(of: member), "\(operation) \(member)")
        }
        #expect(operation.memberKeys.count == operation.members.count)
    }

    @Test("The written-out judgements check every member the operation has: a body failing every member reports every member",
          arguments: FeedbackOperation.allCases)
    func everyMemberIsJudged(_ operation: FeedbackOperation) throws {
        // Each member set to a value that fails it: a 56-scalar pool id, an empty username, …
        let failing: [Member: String] = [.userPoolId: String(repeating: "a", count: 56), .username: "",
                                         .eventId: "e v", .feedbackToken: "t t", .feedbackValue: "valid"]
        let body = RequestBody(members: Dictionary(uniqueKeysWithValues: operation.members.map { ($0.wireName, JSONValue.string(failing[$0]!)) }))
        let typed = operation.validate(body)
        #expect(Set(typed.violations.map(\.member)) == Set(operation.members))
        let bytes = try operation.validate(json: body.jsonText(for: operation))
        #expect(Set(bytes.violations.map(\.member)) == Set(operation.members))
        let request: any FeedbackRequest = switch operation {
        case .updateAuthEventFeedback:
            UpdateAuthEventFeedbackRequest(userPoolId: failing[.userPoolId], username: failing[.username], eventId: failing[.eventId],
                                           feedbackToken: failing[.feedbackToken], feedbackValue: FeedbackValue(rawValue: "valid"))
        case .adminUpdateAuthEventFeedback:
            AdminUpdateAuthEventFeedbackRequest(userPoolId: failing[.userPoolId], username: failing[.username], eventId: failing[.eventId],
                                                feedbackValue: FeedbackValue(rawValue: "valid"))
        }
        #expect(Set(request.validate().violations.map(\.member)) == Set(operation.members))
    }
}
