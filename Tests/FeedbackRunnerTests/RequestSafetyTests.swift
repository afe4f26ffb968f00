import FeedbackConformance
import FeedbackTestSupport
import Foundation
import Testing
@testable import FeedbackRunner

/// Nothing a user or a vector gives can put another line into a request.
@Suite("Requests that cannot carry injected lines")
struct RequestSafetyTests {
    @Test("An endpoint path is sent as written, still percent-encoded: an encoded CR LF stays encoded")
    func endpointPathStaysEncoded() throws {
        let runner = ServerRunner(options: .init(endpoint: try #require(URL(string: "http://127.0.0.1:9/a%0D%0AX-Injected:%20yes"))))
        let vector = try #require(try Vectors.for(.server).first)
        let request = runner.request(for: vector)
        #expect(request.path == "/a%0D%0AX-Injected:%20yes")
        #expect(request.isWritableAsHTTP)
    }

    @Test("A request whose target, method or a header holds CR, LF or NUL is refused, never written", arguments: [
        ("POST", "/a\r\nX-Injected: yes", "X-A", "v"), ("POST", "/a b", "X-A", "v"), ("PO\nST", "/", "X-A", "v"),
        ("POST", "/", "X-A\r\nX-B", "v"), ("POST", "/", "X-A", "v\r\nX-Injected: yes"), ("POST", "/", "X-A", "v\u{0}"),
        ("POST", "/", "X:A", "v"), ("POST", "relative", "X-A", "v"),
    ])
    func refused(method: String, path: String, name: String, value: String) {
        let request = WireRequest(method: method, path: path, headers: HeaderFields([.init(name: name, value: value)]), body: [])
        #expect(!request.isWritableAsHTTP)
        let client = SocketHTTPClient(host: "127.0.0.1", port: 9, hostHeader: "127.0.0.1:9", maxAnswerBytes: 100)
        #expect(client.serialized(request) == nil)
    }
}
