#if canImport(Glibc)
import FeedbackConformance
import FeedbackTestSupport
import Testing
@testable import FeedbackRunner

/// The socket client's parsing of an answer's head, which the faulty-server
/// tests reach only through whole exchanges.
@Suite("Socket HTTP client: answer heads")
struct SocketHTTPClientTests {
    static func parse(_ text: String) throws(TransportFailure) -> (status: Int, headers: HeaderFields) {
        try SocketHTTPClient.parseHead(Array(text.utf8)[...])
    }

    @Test("Status and fields, in order; optional white space (spaces, tabs) trimmed from values only")
    func fields() throws {
        let head = try Self.parse("HTTP/1.1 400 Bad Request\r\nContent-Type: \t application/x-amz-json-1.1 \t\r\n"
            + "X-Amzn-ErrorType:InvalidParameterException\r\nX-Empty:   \r\nX-Inner: a  b")
        #expect(head.status == 400)
        #expect(head.headers.fields.map(\.name) == ["Content-Type", "X-Amzn-ErrorType", "X-Empty", "X-Inner"])
        #expect(head.headers.fields.map(\.value) == ["application/x-amz-json-1.1", "InvalidParameterException", "", "a  b"])
    }

    @Test("Lines end at CR LF only: a bare LF or CR stays in its value; non-ASCII values are kept")
    func lineEnds() throws {
        let head = try Self.parse("HTTP/1.0 200 OK\r\nX-A: one\ntwo\r\nX-B: three\rfour\r\nX-C: café ✓")
        #expect(head.headers.fields.map(\.value) == ["one\ntwo", "three\rfour", "café ✓"])
    }

    @Test("Not HTTP: another protocol, a status that is not three digits, a field without a colon",
          arguments: ["SSH-2.0-OpenSSH\r\n", "HTTP/1.1 2000 OK", "HTTP/1.1 20 OK", "HTTP/1.1 200 OK\r\nno colon here"])
    func notHTTP(text: String) {
        #expect(throws: TransportFailure.notHTTP) { try Self.parse(text) }
    }

    @Test("Trimming works on bytes: only spaces and tabs, at either end")
    func trimming() {
        #expect(" \t a b \t ".trimmingASCIIWhitespace == "a b")
        #expect("\u{00A0}x\u{00A0}".trimmingASCIIWhitespace == "\u{00A0}x\u{00A0}")
        #expect("  ".trimmingASCIIWhitespace == "")
        #expect("".trimmingASCIIWhitespace == "")
        #expect(" ✓ ".trimmingASCIIWhitespace == "✓")
    }
}
#endif
