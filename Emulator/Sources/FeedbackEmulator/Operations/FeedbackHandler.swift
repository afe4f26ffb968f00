import FeedbackRules
import FeedbackWire
import Foundation
import NIOCore

/// `UpdateAuthEventFeedback` and `AdminUpdateAuthEventFeedback`: the body
/// read and judged by the engine in one pass (`FeedbackOperation.judge(json:)`,
/// the operation's members only), then, when valid, the feedback recorded in
/// the store.
struct FeedbackHandler: Sendable {
    let store: UserPoolStore

    func answer(_ operation: FeedbackOperation, body: ByteBuffer) -> APIAnswer {
        let judged: JudgedBody
        do {
            // The operation's members only: anything else (FeedbackToken sent to
            // the Admin operation included) is an unknown member, ignored.
            judged = try operation.judge(json: body.readableBytesView)
        } catch {
            // Not one JSON object: the service's Coral deserializer answers
            // without a message (kinesalite's captures; see the README).
            return ServiceAnswer.error(.serialization)
        }
        if let type = judged.report.errorType {
            return ServiceAnswer.error(type.rawValue, judged.report.message)
        }
        // Valid: every member the operation has is a string.
        func value(_ member: Member) -> String {
            guard let value = judged[member] else { preconditionFailure("a valid request holds every member as a string") }
            return value
        }
        let refusal = store.giveFeedback(
            poolId: value(.userPoolId), username: value(.username), eventId: value(.eventId),
            token: operation == .updateAuthEventFeedback ? value(.feedbackToken) : nil,
            value: value(.feedbackValue), date: Date())
        if let refusal { return ServiceAnswer.error(refusal) }
        return ServiceAnswer.success()
    }
}
