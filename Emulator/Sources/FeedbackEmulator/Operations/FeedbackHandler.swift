import FeedbackRules
import FeedbackWire
import Foundation
import Hummingbird

/// `UpdateAuthEventFeedback` and `AdminUpdateAuthEventFeedback`: the body
/// read and judged by the engine (`RequestBody`, `FeedbackOperation.validate`),
/// then, when valid, the feedback recorded in the store.
struct FeedbackHandler: Sendable {
    let store: UserPoolStore

    func answer(_ operation: FeedbackOperation, body: ByteBuffer) -> Response {
        let request: FeedbackWire.RequestBody
        do {
            // The operation's members only: anything else (FeedbackToken sent to
            // the Admin operation included) is an unknown member, ignored.
            request = try FeedbackWire.RequestBody(json: body.readableBytesView, keepingOnly: operation.wireNames)
        } catch {
            // Not one JSON object: the service's Coral deserializer answers
            // without a message (kinesalite's captures; see the README).
            return ServiceAnswer.error(.serialization)
        }
        let report = operation.validate(request)
        if let type = report.errorType {
            return ServiceAnswer.error(type.rawValue, report.message)
        }
        // Valid: every member is a string.
        func value(_ member: Member) -> String {
            if case .string(let value) = request[member] { return value }
            preconditionFailure("a valid request holds every member as a string")
        }
        let refusal = store.giveFeedback(
            poolId: value(.userPoolId), username: value(.username), eventId: value(.eventId),
            token: operation == .updateAuthEventFeedback ? value(.feedbackToken) : nil,
            value: value(.feedbackValue), date: Date())
        if let refusal { return ServiceAnswer.error(refusal) }
        return ServiceAnswer.success()
    }
}
