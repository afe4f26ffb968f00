import FeedbackRules
import NIOCore
import NIOHTTP1

/// Cognito's awsJson1.1 endpoint, `POST /`: the feedback operations and
/// `AdminListUserAuthEvents`, answered from a request's head and body,
/// synchronously (``APIChannelHandler`` calls it on the connection's event
/// loop).
///
/// The checks, in order: an injected fault, the target, the body's size,
/// the Admin operations' signature, then the operation's own validation and
/// state.
struct FeedbackAPI: Sendable {
    let authorization: AdminAuthorization
    let faults: FaultInjection
    let feedback: FeedbackHandler
    let listing: ListAuthEventsHandler
    /// The largest body read; a larger one is answered HTTP 413.
    let maximumBodyBytes: Int

    init(store: UserPoolStore, configuration: EmulatorConfiguration) {
        authorization = AdminAuthorization(region: configuration.region, credentials: configuration.credentials)
        faults = FaultInjection(latencyMilliseconds: configuration.latencyMilliseconds, rate: configuration.rate,
                                internalErrorShare: configuration.internalErrorShare)
        feedback = FeedbackHandler(store: store)
        listing = ListAuthEventsHandler(store: store)
        maximumBodyBytes = configuration.maximumBodyBytes
    }

    /// Whether `request` is the API's (`POST /`, any query): every other
    /// request goes to ``EmulatorResponder``.
    static func serves(_ request: HTTPRequestHead) -> Bool {
        guard request.method == .POST else { return false }
        var utf8 = request.uri.utf8.makeIterator()
        guard utf8.next() == UInt8(ascii: "/") else { return false }
        let next = utf8.next()
        return next == nil || next == UInt8(ascii: "?")
    }

    static let tooLarge = ErrorAnswer("SerializationException", "Request body too large", status: .payloadTooLarge)

    /// The answer to `request`, whose body is `body` (`nil`: it was larger
    /// than ``maximumBodyBytes``).
    func answer(_ request: HTTPRequestHead, body: ByteBuffer?) -> APIAnswer {
        if let fault = faults.fault() { return fault }
        guard let target = request.headers.first(name: ServiceAnswer.targetName), let operation = APIOperation(target: target) else {
            return ServiceAnswer.error(.unknownOperation)
        }
        guard let body else { return ServiceAnswer.error(Self.tooLarge) }
        if operation.isSigned, let refusal = authorization.refusal(of: request, body: body) {
            return refusal
        }
        switch operation {
        case .feedback(let operation): return feedback.answer(operation, body: body)
        case .adminListUserAuthEvents: return listing.answer(body: body)
        }
    }
}
