import FeedbackTestSupport
import FeedbackWire
import Testing

/// The HTTP response parser the socket client feeds: heads, bodies, and
/// every size a hostile server can send.
@Suite("HTTP response parser")
struct HTTPResponseParserTests {
    static let limits = HTTPResponseParser.Limits(maxHeadBytes: 1024, maxBodyBytes: 100)

    /// Parses `text` fed whole, then fed one byte at a time, and checks both agree.
    static func parse(_ text: String, limits: HTTPResponseParser.Limits = limits, closeAtEnd: Bool = true,
                      headRequest: Bool = false) -> Result<WireResponse, HTTPResponseParser.Failure> {
        func run(_ chunks: [[UInt8]]) -> Result<WireResponse, HTTPResponseParser.Failure> {
            var parser = HTTPResponseParser(limits: limits, headRequest: headRequest)
            do throws(HTTPResponseParser.Failure) {
                for chunk in chunks {
                    if let response = try parser.consume(chunk) { return .success(response) }
                }
                return closeAtEnd ? .success(try parser.finish()) : .failure(.closed)
            } catch {
                return .failure(error)
            }
        }
        let bytes = Array(text.utf8)
        let whole = run([bytes])
        let byteByByte = run(bytes.map { [$0] })
        #expect(whole == byteByByte, "fed whole or byte by byte, the parser answers the same")
        return whole
    }

    @Test("Status and fields, in order; optional white space trimmed from values only; non-ASCII values kept")
    func fields() throws {
        let response = try Self.parse("HTTP/1.1 400 Bad Request\r\nContent-Type: \t application/x-amz-json-1.1 \t\r\n"
            + "X-Amzn-ErrorType:InvalidParameterException\r\nX-Empty:   \r\nX-Inner: a  b\r\nX-C: café ✓\r\nContent-Length: 2\r\n\r\n{}")
            .get()
        #expect(response.status == 400 && response.body == Array("{}".utf8))
        #expect(response.headers.fields.map(\.name) == ["Content-Type", "X-Amzn-ErrorType", "X-Empty", "X-Inner", "X-C", "Content-Length"])
        #expect(response.headers.fields.map(\.value) == ["application/x-amz-json-1.1", "InvalidParameterException", "", "a  b", "café ✓", "2"])
    }

    @Test("Not HTTP: another protocol, a malformed status line or field, a bare CR or LF in a field, folding, conflicting lengths",
          arguments: ["SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/2 200 OK\r\n\r\n",
                      "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "HTTP/1.1 200 OK\r\n: empty name\r\n\r\n",
                      "HTTP/1.1 200 OK\r\nX-A: one\ntwo\r\n\r\n", "HTTP/1.1 200 OK\r\nX-A: one\rtwo\r\n\r\n",
                      "HTTP/1.1 200 OK\r\nX-A: one\r\n folded\r\n\r\n", "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
                      "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
                      "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n",
                      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\naXX"])
    func notHTTP(text: String) {
        #expect(Self.parse(text) == .failure(.notHTTP))
    }

    @Test("Not HTTP or too large: whichever a byte-at-a-time reader meets first, however the bytes come (two fuzzing findings)")
    func notHTTPOrTooLarge() {
        // A byte that cannot start a status line, within the head's limit: not HTTP, even when the end is far.
        #expect(Self.parse("HTTP/1\u{1}" + String(repeating: "x", count: 2000) + "\r\n\r\n", closeAtEnd: false) == .failure(.notHTTP))
        #expect(Self.parse("SSH" + String(repeating: "x", count: 2000), closeAtEnd: false) == .failure(.notHTTP))
        // After an interim head, 3 head bytes are left: the 4th is too many before the 5th shows it is not HTTP.
        let tight = HTTPResponseParser.Limits(maxHeadBytes: 28, maxBodyBytes: 10)
        #expect(Self.parse("HTTP/1.1 100 Continue\r\n\r\nHTTPx" + String(repeating: "x", count: 50), limits: tight, closeAtEnd: false)
            == .failure(.tooLarge(28)))
    }

    @Test("Sizes a server sends are checked before use: Int.max-sized chunks and lengths are too large, not a crash",
          arguments: ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\n",
                      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffffffff\r\n",
                      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n50\r\n" + String(repeating: "a", count: 80) + "\r\n40\r\n",
                      "HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\n",
                      "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999999\r\n\r\n",
                      "HTTP/1.1 200 OK\r\nContent-Length: 101\r\n\r\n",
                      "HTTP/1.1 200 OK\r\n\r\n" + String(repeating: "a", count: 101)])
    func sizesAreChecked(text: String) {
        guard case .failure(.tooLarge) = Self.parse(text) else {
            Issue.record("expected tooLarge")
            return
        }
    }

    @Test("Interim 1xx heads are skipped, and count against the head limit: an endless 100 Continue stream ends")
    func interimHeads() throws {
        let one = "HTTP/1.1 100 Continue\r\n\r\n"
        let response = try Self.parse(one + one + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").get()
        #expect(response.status == 200)
        #expect(Self.parse(String(repeating: one, count: 1024 / one.utf8.count + 1)) == .failure(.tooLarge(1024)))
        #expect(Self.parse("HTTP/1.1 200 OK\r\nX: " + String(repeating: "h", count: 2000)) == .failure(.tooLarge(1024)))
    }

    @Test("Bodies: Content-Length, chunked (extensions and trailers read, then dropped), until close; none for HEAD, 204 and 304")
    func bodies() throws {
        #expect(try Self.parse("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcEXTRA", closeAtEnd: false).get().body == Array("abc".utf8))
        let chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: x\r\n\r\n"
        #expect(try Self.parse(chunked, closeAtEnd: false).get().body == Array("abcde".utf8))
        #expect(try Self.parse("HTTP/1.1 500 Oops\r\n\r\nuntil close").get().body == Array("until close".utf8))
        #expect(try Self.parse("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n", closeAtEnd: false, headRequest: true).get().body == [])
        #expect(try Self.parse("HTTP/1.1 204 No Content\r\n\r\n", closeAtEnd: false).get().body == [])
        #expect(try Self.parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", closeAtEnd: false).get().body == [])
    }

    @Test("A stream that ends early is closed, not a response", arguments: [
        "", "HTTP/1.1 200", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nab",
    ])
    func endsEarly(text: String) {
        #expect(Self.parse(text) == .failure(.closed))
    }

    @Test("Trimming works on bytes: only ASCII white space, at either end")
    func trimming() {
        #expect(" \t a b \t\r\n".trimmingASCIIWhitespace == "a b")
        #expect("\u{00A0}x\u{00A0}".trimmingASCIIWhitespace == "\u{00A0}x\u{00A0}")
        #expect("  ".trimmingASCIIWhitespace == "")
        #expect("".trimmingASCIIWhitespace == "")
        #expect(" ✓ ".trimmingASCIIWhitespace == "✓")
    }
}
