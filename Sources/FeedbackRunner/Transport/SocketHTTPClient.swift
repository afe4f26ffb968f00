import FeedbackSystem
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
/// whatever the server does. The bytes are parsed by
/// `HTTPResponseParser` (`Content-Length`, chunked and
/// until-close bodies, `1xx` heads skipped but counted against the head
/// limit, every size checked); redirects are not followed.
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
    /// (checked every 50 ms and before every read).
    func exchange(_ request: WireRequest, until deadline: ContinuousClock.Instant, else failure: TransportFailure,
                  cancelled: @escaping @Sendable () -> Bool) -> Result<WireResponse, TransportFailure> {
        guard let bytes = serialized(request) else { return .failure(.invalidRequest) }
        var connection = Connection(deadline: deadline, failure: failure, cancelled: cancelled)
        defer { connection.close() }
        do {
            try connection.connect(host: host, port: port)
            try connection.send(bytes)
            return .success(try readResponse(from: &connection, headRequest: request.method == "HEAD"))
        } catch {
            return .failure(error)
        }
    }

    /// The request's bytes: request line, `Host`, the request's headers,
    /// `Content-Length`, `Connection: close`, then the body; `nil` when a
    /// method, target, header name or value holds a byte that would end a
    /// line or the head (CR, LF, NUL), or a space where the request line
    /// cannot have one: nothing the peer can be made to read as another
    /// header or request.
    func serialized(_ request: WireRequest) -> [UInt8]? {
        var withHost = request
        withHost.headers.append("Host", hostHeader)
        guard withHost.isWritableAsHTTP else { return nil }
        var head = "\(request.method) \(request.path) HTTP/1.1\r\nHost: \(hostHeader)\r\n"
        for field in request.headers.fields where !["host", "content-length", "connection"].contains(field.name.lowercased()) {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(request.body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + request.body
    }

    /// Reads until the parser has a whole response, the stream ends, or a
    /// limit or the deadline is reached.
    private func readResponse(from connection: inout Connection, headRequest: Bool) throws(TransportFailure) -> WireResponse {
        var parser = HTTPResponseParser(limits: .init(maxHeadBytes: Self.maxHeadBytes, maxBodyBytes: maxAnswerBytes),
                                        headRequest: headRequest)
        do {
            while true {
                let chunk = try connection.receive()
                if chunk.isEmpty { return try parser.finish() }
                if let response = try parser.consume(chunk) { return response }
            }
        } catch let failure as HTTPResponseParser.Failure {
            switch failure {
            case .notHTTP: throw .notHTTP
            case .closed: throw .closed
            case .tooLarge(let limit): throw .tooLarge(limit == Self.maxHeadBytes ? Self.maxHeadBytes : maxAnswerBytes)
            }
        } catch let failure as TransportFailure {
            throw failure
        } catch {
            throw .other(0)
        }
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
            Descriptor(fd).close()
            fd = -1
        }
    }

    /// Waits until the socket is ready for `events`, the deadline, or cancellation.
    func wait(for events: PollEvents) throws(TransportFailure) {
        while true {
            if cancelled() { throw .cancelled }
            guard let milliseconds = deadline.pollTimeout(cap: 50) else { throw failure }
            var descriptors = [PollRequest(fd, events)]
            do {
                if try System.poll(&descriptors, milliseconds: milliseconds) { return }
            } catch {
                throw .other(Int(error.code))
            }
        }
    }

    mutating func connect(host: String, port: Int) throws(TransportFailure) {
        let addresses = try AddressLookup.addresses(of: host, port: port, until: deadline, else: failure, cancelled: cancelled)
        var refused = false
        for address in addresses.entries {
            close()
            guard let opened = try? System.socket(for: address) else { continue }
            fd = opened
            switch System.connect(fd, to: address) {
            case .connected: return
            case .failed(let error):
                refused = refused || error == .connectionRefused
                continue
            case .inProgress: break
            }
            try wait(for: .writable)
            guard let error = System.pendingError(ofSocket: fd) else { return }
            refused = refused || error == .connectionRefused
        }
        close()
        throw refused ? .refused : .other(0)
    }

    func send(_ bytes: [UInt8]) throws(TransportFailure) {
        var sent = 0
        while sent < bytes.count {
            switch bytes[sent...].withUnsafeBytes({ Descriptor(fd).write($0, socket: true) }) {
            case .moved(let count): sent += count
            case .wouldBlock: try wait(for: .writable)
            case .closed: throw .closed
            }
        }
    }

    /// What arrives next; empty at the end of the stream. The deadline and
    /// cancellation are checked before every read, not only when the
    /// socket has nothing: a server that streams without pause (an endless
    /// series of `100 Continue` heads) is stopped in time too.
    func receive() throws(TransportFailure) -> [UInt8] {
        while true {
            if cancelled() { throw .cancelled }
            if ContinuousClock.now >= deadline { throw failure }
            // An uninitialized chunk: a zero-filled 64 KiB array per call was a fifth of a request's instructions.
            let (bytes, read) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 65536) { chunk in
                let read = Descriptor(fd).read(into: chunk)
                guard case .moved(let count) = read else { return ([UInt8](), read) }
                return (Array(UnsafeBufferPointer(rebasing: chunk[..<count])), read)
            }
            switch read {
            case .moved, .closed(0): return bytes
            case .wouldBlock: try wait(for: .readable)
            case .closed: throw .closed
            }
        }
    }
}

