import FeedbackRules
import Hummingbird
import NIOCore

/// Answers every request: `POST /` as Cognito's awsJson1.1 endpoint for
/// the feedback operations and `AdminListUserAuthEvents`, `GET
/// /_emulator/state` with the state, anything else 404.
public struct EmulatorResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let store: UserPoolStore
    let authorization: AdminAuthorization
    let faults: FaultInjection
    let feedback: FeedbackHandler
    let listing: ListAuthEventsHandler
    /// The largest body read; a larger one is answered HTTP 413.
    let maximumBodyBytes: Int

    public init(store: UserPoolStore, configuration: EmulatorConfiguration) {
        self.store = store
        authorization = AdminAuthorization(region: configuration.region, credentials: configuration.credentials)
        faults = FaultInjection(latencyMilliseconds: configuration.latencyMilliseconds, rate: configuration.rate,
                                internalErrorShare: configuration.internalErrorShare)
        feedback = FeedbackHandler(store: store)
        listing = ListAuthEventsHandler(store: store)
        maximumBodyBytes = configuration.maximumBodyBytes
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        if request.method == .post, path == "/" {
            return try await answerAPI(request)
        }
        if request.method == .get, path == "/_emulator/state" {
            var response = ServiceAnswer.success(ByteBuffer(bytes: StateDocument.json(store.seed)))
            response.headers[.contentType] = "application/json"
            return response
        }
        return Response(status: .notFound, headers: [.contentType: "text/plain"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: "not found: POST / (awsJson1.1) or GET /_emulator/state\n")))
    }

    private func answerAPI(_ request: Request) async throws -> Response {
        if let fault = try await faults.fault() { return fault }
        guard let target = request.headers[ServiceAnswer.targetName], let operation = APIOperation(target: target) else {
            return ServiceAnswer.error(.unknownOperation)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            return ServiceAnswer.error("SerializationException", "Request body too large", status: .contentTooLarge)
        }
        if operation.isSigned, let refusal = authorization.refusal(of: request, body: body) {
            return refusal
        }
        switch operation {
        case .feedback(let operation): return feedback.answer(operation, body: body)
        case .adminListUserAuthEvents: return listing.answer(body: body)
        }
    }
}
