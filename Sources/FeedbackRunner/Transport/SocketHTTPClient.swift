#if canImport(Glibc)
import Glibc
import FeedbackConformance

/// A minimal HTTP/1.1 client for `http://` endpoints over a non-blocking TCP
/// socket: one request per connection (`Connection: close`), every wait
/// bounded by a deadline, every byte counted.
///
/// It exists because `URLSession` on Linux (corelibs Foundation over
/// libcurl) cannot stop a flooding server: one session's `cancel()` does not
/// stop a transfer while others stream, all sessions share one work queue,
/// and `dataTask(with:)` blocks while that queue drains, so a server sending
/// 2 GiB stalls every request of the process for many seconds (measured).
/// This client stops reading at the cap, and stops waiting at the deadline,
/// whatever the server does. It reads `Content-Length`, chunked and
/// until-close bodies, skips `1xx` answers, and does not follow redirects.
struct SocketHTTPClient: Sendable {
    /// The host to connect to (a name or an address).
    let host: String
    /// The TCP port.
    let port: Int
    /// The `Host` header value.
    let hostHeader: String
    /// The largest body read; a larger one is ``TransportFailure/tooLarge(_:)``.
    let maxAnswerBytes: Int
    /// The largest status line and header section read.
    static let maxHeadBytes = 64 * 1024

    /// Sends `request` and reads the whole answer, giving up with `failure`
    /// at `deadline` and with `.cancelled` as soon as `cancelled()` is true
    /// (checked every 50 ms).
    func exchange(_ request: WireRequest, until deadline: ContinuousClock.Instant, else failure: TransportFailure,
                  cancelled: @escaping @Sendable () -> Bool) -> Result<WireResponse, TransportFailure> {
        var connection = Connection(deadline: deadline, failure: failure, cancelled: cancelled)
        defer { connection.close() }
        do {
            try connection.connect(host: host, port: port)
            try connection.send(serialized(request))
            return .success(try readAnswer(from: &connection))
        } catch {
            return .failure(error)
        }
    }

    /// The request's bytes: request line, `Host`, the request's headers,
    /// `Content-Length`, `Connection: close`, then the body.
    func serialized(_ request: WireRequest) -> [UInt8] {
        var head = "\(request.method) \(request.path) HTTP/1.1\r\nHost: \(hostHeader)\r\n"
        for field in request.headers.fields where !["host", "content-length", "connection"].contains(field.name.lowercased()) {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(request.body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + request.body
    }

    private func readAnswer(from connection: inout Connection) throws(TransportFailure) -> WireResponse {
        var buffer: [UInt8] = []
        var head: (status: Int, headers: HeaderFields)
        var bodyStart: Int
        var searched = 0
        while true {
            if let end = Self.find([13, 10, 13, 10], in: buffer, from: searched) {
                head = try Self.parseHead(buffer[..<end])
                bodyStart = end + 4
                if (100..<200).contains(head.status) {
                    buffer.removeFirst(bodyStart)
                    searched = 0
                    continue
                }
                break
            }
            let prefix = Array("HTTP/".utf8)
            if !buffer.isEmpty && !buffer.prefix(prefix.count).elementsEqual(prefix.prefix(min(buffer.count, prefix.count))) {
                throw .notHTTP
            }
            if buffer.count > Self.maxHeadBytes { throw .tooLarge(Self.maxHeadBytes) }
            searched = max(0, buffer.count - 3)
            if try connection.receive(into: &buffer) == 0 { throw .closed }
        }
        buffer.removeFirst(bodyStart)
        let body: [UInt8]
        if head.status == 204 || head.status == 304 {
            body = []
        } else if head.headers.values("Transfer-Encoding").joined(separator: ",").lowercased().contains("chunked") {
            body = try readChunked(buffer, from: &connection)
        } else if let length = head.headers["Content-Length"] {
            guard let count = Int(length.trimmingASCIIWhitespace), count >= 0 else { throw .notHTTP }
            if count > maxAnswerBytes { throw .tooLarge(maxAnswerBytes) }
            var bytes = buffer
            while bytes.count < count {
                if try connection.receive(into: &bytes) == 0 { throw .closed }
            }
            body = Array(bytes.prefix(count))
        } else {
            var bytes = buffer
            while try connection.receive(into: &bytes) > 0 {
                if bytes.count > maxAnswerBytes { throw .tooLarge(maxAnswerBytes) }
            }
            body = bytes
        }
        if body.count > maxAnswerBytes { throw .tooLarge(maxAnswerBytes) }
        return WireResponse(status: head.status, headers: head.headers, body: body)
    }

    /// Decodes a chunked body (RFC 9112 §7.1); trailers are not waited for.
    private func readChunked(_ start: [UInt8], from connection: inout Connection) throws(TransportFailure) -> [UInt8] {
        var bytes = start
        var index = 0
        var body: [UInt8] = []
        while true {
            var lineEnd = Self.find([13, 10], in: bytes, from: index)
            while lineEnd == nil {
                if bytes.count - index > 1024 { throw .notHTTP }
                if try connection.receive(into: &bytes) == 0 { throw .closed }
                lineEnd = Self.find([13, 10], in: bytes, from: index)
            }
            let line = bytes[index..<lineEnd!].prefix { $0 != UInt8(ascii: ";") }
            guard let size = Int(String(decoding: line, as: UTF8.self).trimmingASCIIWhitespace, radix: 16), size >= 0 else {
                throw .notHTTP
            }
            index = lineEnd! + 2
            if size == 0 { return body }
            if body.count + size > maxAnswerBytes { throw .tooLarge(maxAnswerBytes) }
            while bytes.count < index + size + 2 {
                if try connection.receive(into: &bytes) == 0 { throw .closed }
            }
            body += bytes[index..<index + size]
            index += size + 2
            if index > 1 << 16 {
                bytes.removeFirst(index)
                index = 0
            }
        }
    }

    /// Parses the status line and header fields. Lines end at CR LF, found
    /// as bytes: CR LF is always a `Character` of its own, so these are the
    /// lines that splitting the text on `"\r\n"` gives, without that split's
    /// grapheme breaking (most of the cost of an answer's head).
    static func parseHead(_ head: ArraySlice<UInt8>) throws(TransportFailure) -> (status: Int, headers: HeaderFields) {
        var lines: ArraySlice<String> = []
        var start = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            if head[index] == 13, index + 1 < head.endIndex, head[index + 1] == 10 {
                lines.append(String(decoding: head[start..<index], as: UTF8.self))
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(String(decoding: head[start...], as: UTF8.self))
        guard let statusLine = lines.popFirst(), statusLine.hasPrefix("HTTP/1.") else { throw .notHTTP }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[1].count == 3, let status = Int(parts[1]) else { throw .notHTTP }
        var headers = HeaderFields()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw .notHTTP }
            headers.fields.append(.init(name: String(line[..<colon]),
                                        value: String(line[line.index(after: colon)...]).trimmingASCIIWhitespace))
        }
        return (status, headers)
    }

    /// The index of the first `needle` in `bytes` at or after `start`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

/// One TCP connection whose every wait ends by a deadline.
private struct Connection {
    let deadline: ContinuousClock.Instant
    let failure: TransportFailure
    let cancelled: @Sendable () -> Bool
    private(set) var fd: Int32 = -1

    init(deadline: ContinuousClock.Instant, failure: TransportFailure, cancelled: @escaping @Sendable () -> Bool) {
        self.deadline = deadline
        self.failure = failure
        self.cancelled = cancelled
    }

    mutating func close() {
        if fd >= 0 {
            _ = Glibc.close(fd)
            fd = -1
        }
    }

    /// Waits until the socket is ready for `events`, the deadline, or cancellation.
    func wait(for events: Int16) throws(TransportFailure) {
        while true {
            if cancelled() { throw .cancelled }
            let left = deadline - ContinuousClock.now
            if left <= .zero { throw failure }
            let milliseconds = Int32(min(50, max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw .other(Int(errno)) }
        }
    }

    mutating func connect(host: String, port: Int) throws(TransportFailure) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { throw .unresolved }
        defer { freeaddrinfo(list) }
        var refused = false
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let info = address {
            address = info.pointee.ai_next
            close()
            fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return }
            guard errno == EINPROGRESS else {
                refused = refused || errno == ECONNREFUSED
                continue
            }
            try wait(for: Int16(POLLOUT))
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            if error == 0 { return }
            refused = refused || error == ECONNREFUSED
        }
        close()
        throw refused ? .refused : .other(0)
    }

    func send(_ bytes: [UInt8]) throws(TransportFailure) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                sent += count
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                try wait(for: Int16(POLLOUT))
            } else {
                throw .closed
            }
        }
    }

    /// Appends what arrives to `buffer`; returns the count, 0 at end of stream.
    func receive(into buffer: inout [UInt8]) throws(TransportFailure) -> Int {
        while true {
            // An uninitialized chunk: a zero-filled 64 KiB array per call was a fifth of a request's instructions.
            let (count, error) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 65536) { chunk in
                let count = recv(fd, chunk.baseAddress!, chunk.count, 0)
                if count > 0 { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<count])) }
                return (count, errno)
            }
            if count >= 0 { return count }
            if error == EAGAIN || error == EWOULDBLOCK || error == EINTR {
                try wait(for: Int16(POLLIN))
            } else {
                throw .closed
            }
        }
    }
}

#endif
