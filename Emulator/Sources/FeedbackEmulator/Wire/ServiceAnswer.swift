import FeedbackWire
import Foundation
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
        headers[requestIdName] = requestId()
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// An error answer: `status`, `{"__type": type, "message": message}`
    /// (no `message` when `nil`), the type in `x-amzn-ErrorType`.
    static func error(_ type: String, _ message: String?, status: HTTPResponse.Status = .badRequest) -> Response {
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
        var headers = HTTPFields()
        headers.reserveCapacity(3)
        headers[.contentType] = contentType
        headers[requestIdName] = requestId()
        headers[errorTypeName] = type + ":"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A modelled error of a valid request.
    static func error(_ error: BusinessError) -> Response {
        self.error(error.type, error.message)
    }

    /// A new request id, in the service's form (a lowercase UUID).
    static func requestId() -> String {
        UUID().uuidString.lowercased()
    }
}
