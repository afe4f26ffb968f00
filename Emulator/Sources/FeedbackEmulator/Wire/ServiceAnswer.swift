import FeedbackWire
import HTTPTypes
import Hummingbird

/// How the emulator answers over awsJson1.1, as Cognito does: the body's
/// `__type` and `message`, `x-amzn-ErrorType: Type:` (nothing after the
/// colon, as captured in localstack/localstack#3201) and `x-amzn-RequestId`
/// on every answer.
enum ServiceAnswer {
    static let requestIdName = HTTPField.Name("x-amzn-RequestId")!
    static let errorTypeName = HTTPField.Name("x-amzn-ErrorType")!
    static let targetName = HTTPField.Name("X-Amz-Target")!
    static let authorizationName = HTTPField.Name("Authorization")!
    static let contentType = "application/x-amz-json-1.1"
    static let emptyObject = ByteBuffer(string: "{}")

    /// HTTP 200 with `body`.
    static func success(_ body: ByteBuffer = emptyObject) -> Response {
        var headers = HTTPFields()
        headers.reserveCapacity(2)
        headers[.contentType] = contentType
        headers[requestIdName] = RequestId.next()
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// `error`'s answer, with a new request id.
    static func error(_ error: ErrorAnswer) -> Response {
        var headers = HTTPFields()
        headers.reserveCapacity(3)
        headers[.contentType] = contentType
        headers[requestIdName] = RequestId.next()
        headers[errorTypeName] = error.typeHeader
        return Response(status: error.status, headers: headers, body: ResponseBody(byteBuffer: error.body))
    }

    /// A modelled error of a valid request.
    static func error(_ error: BusinessError) -> Response {
        self.error(error.answer)
    }

    /// An error answer: `status`, `{"__type": type, "message": message}`
    /// (no `message` when `nil`), the type in `x-amzn-ErrorType`.
    static func error(_ type: String, _ message: String?, status: HTTPResponse.Status = .badRequest) -> Response {
        error(ErrorAnswer(type, message, status: status))
    }
}

/// An error answer's status, `x-amzn-ErrorType` value and body, built once:
/// the answers that quote nothing of the request are `static let`s, so
/// answering one copies no bytes.
struct ErrorAnswer: Sendable {
    let status: HTTPResponse.Status
    /// `Type:`, as `x-amzn-ErrorType` carries it.
    let typeHeader: String
    /// `{"__type":"Type","message":"..."}` (no `message` when there is none).
    let body: ByteBuffer

    init(_ type: String, _ message: String?, status: HTTPResponse.Status = .badRequest) {
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
