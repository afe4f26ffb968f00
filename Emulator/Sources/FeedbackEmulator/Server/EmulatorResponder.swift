import HTTPTypes
import Hummingbird
import NIOCore

/// Answers the requests that are not the API's (``FeedbackAPI`` answers
/// `POST /` before they reach Hummingbird's responder): `GET
/// /_emulator/state` with the state, anything else 404.
public struct EmulatorResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let store: UserPoolStore

    init(store: UserPoolStore) {
        self.store = store
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        if request.method == .get, request.uri.path == "/_emulator/state" {
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[HTTPField.Name(ServiceAnswer.requestIdName)!] = RequestId.next()
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: StateDocument.json(store.seed))))
        }
        return Response(status: .notFound, headers: [.contentType: "text/plain"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: "not found: POST / (awsJson1.1) or GET /_emulator/state\n")))
    }
}
