/// Reads one HTTP/1.1 response from the bytes a server sends, as they
/// arrive: a pure state machine with no I/O, so that a socket client feeds
/// it and a fuzzer can too.
///
/// ```swift
/// var parser = HTTPResponseParser(limits: .init(maxBodyBytes: 1 << 20))
/// while true {
///     let chunk = receive()                            // [] at end of stream
///     if chunk.isEmpty { return try parser.finish() }  // a body read until close
///     if let response = try parser.consume(chunk) { return response }
/// }
/// ```
///
/// The peer is an adversary, so every size it sends is checked before it
/// is used: a `Content-Length` or chunk size that does not fit, or exceeds
/// what is left of ``Limits/maxBodyBytes``, is ``Failure/tooLarge(_:)``
/// before any arithmetic on it; every head, interim `1xx` ones included,
/// counts against ``Limits/maxHeadBytes``, so a stream of `100 Continue`
/// heads ends too. Bodies are `Content-Length`, chunked (RFC 9112 §7.1;
/// trailers are read and dropped) or read until the connection closes.
/// Obsolete line folding, a malformed status line or header line, and
/// conflicting lengths are ``Failure/notHTTP``.
public struct HTTPResponseParser: Sendable {
    /// What the parser accepts.
    public struct Limits: Sendable, Hashable {
        /// Bytes of heads, all interim (`1xx`) heads included.
        public var maxHeadBytes: Int
        /// Bytes of the decoded body.
        public var maxBodyBytes: Int

        /// Limits; 64 KiB of heads by default.
        public init(maxHeadBytes: Int = 64 * 1024, maxBodyBytes: Int) {
            self.maxHeadBytes = max(0, maxHeadBytes)
            self.maxBodyBytes = max(0, maxBodyBytes)
        }
    }

    /// Why the bytes are not a usable response. Descriptions name the
    /// kind of failure only, never a byte of the response.
    public enum Failure: Error, Sendable, Hashable {
        /// The bytes are not an HTTP/1.x response.
        case notHTTP
        /// A head or the body is larger than its limit (in bytes).
        case tooLarge(Int)
        /// The stream ended before the response did.
        case closed
    }

    private enum State: Sendable {
        /// Reading a head; `searched` bytes of `pending` hold no CR LF CR LF.
        case head
        /// Reading `remaining` more bytes of a `Content-Length` body.
        case fixed(remaining: Int)
        /// Reading a chunk-size line.
        case chunkSize
        /// Reading `remaining` bytes of chunk data, then its CR LF.
        case chunkData(remaining: Int)
        /// Reading the CR LF after a chunk's data.
        case chunkEnd
        /// Reading trailer lines after the last chunk.
        case trailers
        /// Reading until the connection closes.
        case untilClose
        /// Done (or failed).
        case done
    }

    /// The limits.
    public let limits: Limits
    /// Whether the request was `HEAD` (its response has no body).
    private let headRequest: Bool
    private var state = State.head
    /// Bytes received and not yet parsed.
    private var pending: [UInt8] = []
    /// How far `pending` is known to hold no line end (head or line states).
    private var searched = 0
    private var headBytes = 0
    private var status = 0
    private var headers = HeaderFields()
    private var body: [UInt8] = []

    /// A parser for the response to a request; `headRequest` when it was `HEAD`.
    public init(limits: Limits, headRequest: Bool = false) {
        self.limits = limits
        self.headRequest = headRequest
    }

    /// Feeds the next bytes; the response once it is complete, else `nil`
    /// (feed more). Bytes after the response are ignored.
    /// - Throws: ``Failure`` at the first byte that makes the response unusable.
    public mutating func consume(_ bytes: some Collection<UInt8>) throws(Failure) -> WireResponse? {
        guard !bytes.isEmpty else { return nil }
        if case .done = state { return nil }
        pending.append(contentsOf: bytes)
        do {
            return try advance()
        } catch {
            state = .done
            throw error
        }
    }

    /// The stream ended: the response, when its body is read until close.
    /// - Throws: ``Failure/closed`` when the response was not complete.
    public mutating func finish() throws(Failure) -> WireResponse {
        guard case .untilClose = state else {
            state = .done
            throw .closed
        }
        state = .done
        return WireResponse(status: status, headers: headers, body: body)
    }

    private mutating func advance() throws(Failure) -> WireResponse? {
        var start = 0
        defer {
            if start > 0 {
                pending.removeFirst(start)
                searched = max(0, searched - start)
            }
        }
        while true {
            switch state {
            case .head:
                // Whichever limit a byte-at-a-time reader would meet first decides, so that the verdict never
                // depends on how the bytes were split (found by fuzzing): a byte that cannot start a status
                // line within the head bytes still allowed is not HTTP; past them, too large.
                let allowed = limits.maxHeadBytes - headBytes
                if let mismatch = Self.statusLineMismatch(pending[start...]), mismatch < allowed { throw .notHTTP }
                guard let end = Self.find(Self.headEnd, in: pending, from: max(start, searched)) else {
                    searched = max(start, pending.count - 3)
                    if pending.count - start > allowed { throw .tooLarge(limits.maxHeadBytes) }
                    return nil
                }
                let length = end + 4 - start
                headBytes += length
                if headBytes > limits.maxHeadBytes { throw .tooLarge(limits.maxHeadBytes) }
                try parseHead(pending[start..<end])
                start = end + 4
                searched = start
                if StatusKind(code: status) == .informational && status != 101 {
                    headers = HeaderFields()  // an interim response: the real one follows
                    continue
                }
                try frameBody()
            case .fixed(let remaining):
                let available = pending.count - start
                let take = min(remaining, available)
                body.append(contentsOf: pending[start..<start + take])
                start += take
                if take == remaining { return complete() }
                state = .fixed(remaining: remaining - take)
                return nil
            case .chunkSize:
                guard let end = Self.find(Self.lineEnd, in: pending, from: max(start, searched)) else {
                    searched = max(start, pending.count - 1)
                    if pending.count - start > 1024 { throw .notHTTP }  // a size line is short
                    return nil
                }
                let size = try Self.chunkSize(pending[start..<end])
                start = end + 2
                searched = start
                if size == 0 {
                    state = .trailers
                } else {
                    guard size <= limits.maxBodyBytes - body.count else { throw .tooLarge(limits.maxBodyBytes) }
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let available = pending.count - start
                let take = min(remaining, available)
                body.append(contentsOf: pending[start..<start + take])
                start += take
                guard take == remaining else {
                    state = .chunkData(remaining: remaining - take)
                    return nil
                }
                state = .chunkEnd
            case .chunkEnd:
                guard pending.count - start >= 2 else { return nil }
                guard pending[start] == 13, pending[start + 1] == 10 else { throw .notHTTP }
                start += 2
                searched = start
                state = .chunkSize
            case .trailers:
                guard let end = Self.find(Self.lineEnd, in: pending, from: max(start, searched)) else {
                    searched = max(start, pending.count - 1)
                    if headBytes + (pending.count - start) > limits.maxHeadBytes { throw .tooLarge(limits.maxHeadBytes) }
                    return nil
                }
                headBytes += end + 2 - start
                if headBytes > limits.maxHeadBytes { throw .tooLarge(limits.maxHeadBytes) }
                let empty = end == start
                start = end + 2
                searched = start
                if empty { return complete() }
            case .untilClose:
                let available = pending.count - start
                guard available <= limits.maxBodyBytes - body.count else { throw .tooLarge(limits.maxBodyBytes) }
                body.append(contentsOf: pending[start...])
                start = pending.count
                return nil
            case .done:
                return nil
            }
        }
    }

    private mutating func complete() -> WireResponse {
        state = .done
        return WireResponse(status: status, headers: headers, body: body)
    }

    /// Chooses how the body is delimited (RFC 9112 §6.3).
    private mutating func frameBody() throws(Failure) {
        if headRequest || status == 204 || status == 304 {
            state = .fixed(remaining: 0)
            return
        }
        let codings = headers.values("Transfer-Encoding").joined(separator: ",").split(separator: ",")
            .map { String($0).trimmingASCIIWhitespace.lowercased() }.filter { !$0.isEmpty }
        if let last = codings.last {
            state = last == "chunked" ? .chunkSize : .untilClose
            return
        }
        let lengths = headers.values("Content-Length").flatMap { $0.split(separator: ",") }
            .map { String($0).trimmingASCIIWhitespace }
        guard let first = lengths.first else {
            state = .untilClose
            return
        }
        guard lengths.allSatisfy({ $0 == first }) else { throw .notHTTP }
        // At most 18 decimal digits: fits an Int before any comparison.
        guard !first.isEmpty, first.utf8.count <= 18, first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let length = Int(first)
        else {
            throw first.utf8.count > 18 && first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
                ? .tooLarge(limits.maxBodyBytes) : .notHTTP
        }
        guard length <= limits.maxBodyBytes else { throw .tooLarge(limits.maxBodyBytes) }
        state = .fixed(remaining: length)
    }

    /// Parses a status line and header fields (the head without its final
    /// CR LF CR LF).
    private mutating func parseHead(_ head: ArraySlice<UInt8>) throws(Failure) {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            if head[index] == 13, index + 1 < head.endIndex, head[index + 1] == 10 {
                lines.append(head[lineStart..<index])
                index += 2
                lineStart = index
            } else {
                index += 1
            }
        }
        lines.append(head[lineStart..<head.endIndex])
        let statusLine = lines.removeFirst()
        // HTTP/1.x SP 3DIGIT [SP reason]
        guard statusLine.count >= 12, statusLine.starts(with: "HTTP/1.".utf8),
            statusLine[statusLine.startIndex + 7] >= 0x30, statusLine[statusLine.startIndex + 7] <= 0x39,
            statusLine[statusLine.startIndex + 8] == 0x20
        else { throw .notHTTP }
        let digits = statusLine[(statusLine.startIndex + 9)..<(statusLine.startIndex + 12)]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            statusLine.count == 12 || statusLine[statusLine.startIndex + 12] == 0x20
        else { throw .notHTTP }
        status = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard status >= 100 else { throw .notHTTP }
        var fields = HeaderFields()
        for line in lines {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                line[line.startIndex..<colon].allSatisfy(Self.isTokenByte),
                !line.contains(0), !line.contains(13), !line.contains(10)
            else { throw .notHTTP }  // also obsolete folding: a line starting with white space
            fields.append(String(decoding: line[line.startIndex..<colon], as: UTF8.self),
                          String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingASCIIWhitespace)
        }
        headers = fields
    }

    /// A chunk-size line: hexadecimal digits, then optional extensions.
    private static func chunkSize(_ line: ArraySlice<UInt8>) throws(Failure) -> Int {
        let digits = line.prefix { $0 != UInt8(ascii: ";") && $0 != 0x20 && $0 != 0x09 }
        guard !digits.isEmpty else { throw .notHTTP }
        var size = 0
        for byte in digits {
            let value: Int
            switch byte {
            case 0x30...0x39: value = Int(byte - 0x30)
            case 0x41...0x46: value = Int(byte - 0x41 + 10)
            case 0x61...0x66: value = Int(byte - 0x61 + 10)
            default: throw .notHTTP
            }
            // No size this large fits any limit: stop before it could overflow.
            guard size <= (Int.max >> 4) else { throw .tooLarge(Int.max) }
            size = size << 4 | value
        }
        return size
    }

    /// The bytes of a token (RFC 9110 §5.6.2), which header names are.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// Whether `bytes` could still begin `HTTP/1.`.
    /// The offset of the first of `bytes` that cannot begin a status line
    /// (`HTTP/1.`), or `nil` when they still could.
    private static func statusLineMismatch(_ bytes: ArraySlice<UInt8>) -> Int? {
        zip(bytes.prefix(statusLinePrefix.count), statusLinePrefix).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    }

    private static let statusLinePrefix = Array("HTTP/1.".utf8)

    private static let headEnd: [UInt8] = [13, 10, 13, 10]
    private static let lineEnd: [UInt8] = [13, 10]

    /// The index of the first `needle` in `bytes` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
