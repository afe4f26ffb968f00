import FeedbackWire
import NIOCore
import NIOHTTP1

/// How the emulator answers over awsJson1.1, as Cognito does: the body's
/// `__type` and `message`, `x-amzn-ErrorType: Type:` (nothing after the
/// colon, as captured in localstack/localstack#3201) and `x-amzn-RequestId`
/// on every answer.
enum ServiceAnswer {
    static let requestIdName = "x-amzn-RequestId"
    static let errorTypeName = "x-amzn-ErrorType"
    static let targetName = "X-Amz-Target"
    static let authorizationName = "Authorization"
    static let contentType = "application/x-amz-json-1.1"
    static let emptyObject = ByteBuffer(string: "{}")

    /// HTTP 200 with `body`.
    static func success(_ body: ByteBuffer = emptyObject) -> APIAnswer {
        APIAnswer(status: .ok, errorType: nil, body: body)
    }

    /// `error`'s answer.
    static func error(_ error: ErrorAnswer) -> APIAnswer {
        APIAnswer(status: error.status, errorType: error.typeHeader, body: error.body)
    }

    /// A modelled error of a valid request.
    static func error(_ error: BusinessError) -> APIAnswer {
        self.error(error.answer)
    }

    /// An error answer: `status`, `{"__type": type, "message": message}`
    /// (no `message` when `nil`), the type in `x-amzn-ErrorType`.
    static func error(_ type: String, _ message: String?, status: HTTPResponseStatus = .badRequest) -> APIAnswer {
        error(ErrorAnswer(type, message, status: status))
    }
}

/// One answer of the API: its status, `x-amzn-ErrorType` value and body.
/// ``APIAnswer/headers(requestId:date:)`` gives its header fields.
struct APIAnswer: Sendable {
    var status: HTTPResponseStatus
    /// `Type:` for an error, `nil` for a success.
    var errorType: String?
    var body: ByteBuffer

    /// The answer's header fields, in the order the emulator has always sent
    /// them: `Content-Type`, `x-amzn-RequestId`, `x-amzn-ErrorType` (errors
    /// only), `Content-Length`, `Date`.
    func headers(requestId: String, date: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.reserveCapacity(5)
        headers.add(name: "Content-Type", value: ServiceAnswer.contentType)
        headers.add(name: ServiceAnswer.requestIdName, value: requestId)
        if let errorType { headers.add(name: ServiceAnswer.errorTypeName, value: errorType) }
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        headers.add(name: "Date", value: date)
        return headers
    }
}

/// An error answer's status, `x-amzn-ErrorType` value and body, built once:
/// the answers that quote nothing of the request are `static let`s, so
/// answering one copies no bytes.
struct ErrorAnswer: Sendable {
    let status: HTTPResponseStatus
    /// `Type:`, as `x-amzn-ErrorType` carries it.
    let typeHeader: String
    /// `{"__type":"Type","message":"..."}` (no `message` when there is none).
    let body: ByteBuffer

    init(_ type: String, _ message: String?, status: HTTPResponseStatus = .badRequest) {
        var body: [UInt8] = []
        body.reserveCapacity(64 + (message?.utf8.count ?? 0))
        body += #"{"__type":"#.utf8
        let writer = JSONWriter()
        writer.writeString(type, to: &body)
        if let message {
            body += #","message":"#.utf8
            writer.writeString(message, to: &body)
        }
        body.append(UInt8(ascii: "}"))
        self.status = status
        typeHeader = type + ":"
        self.body = ByteBuffer(bytes: body)
    }

    /// A body that is no usable JSON object, or a member of the wrong JSON
    /// type: the service's deserializer answers without a message
    /// (kinesalite's captures; see the README).
    static let serialization = ErrorAnswer("SerializationException", nil)
    /// An `X-Amz-Target` naming no operation the emulator answers.
    static let unknownOperation = ErrorAnswer("UnknownOperationException", nil)
}
