import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 server on `127.0.0.1` that accepts everything: every
/// request gets `200 OK`, `Content-Type: application/x-amz-json-1.1`, body
/// `{}` (what `Conformance/fixtures/faulty_server.py accept-all` answers).
///
/// A fixture for measuring clients, not a product: a fixed pool of worker
/// threads, each accepting one connection and serving it until the client
/// closes it (keep-alive) or asks to (`Connection: close`), with
/// `TCP_NODELAY` set, so that the server adds no thread start and no
/// Nagle delay to a request. Each request's head is read up to its blank
/// line and its body up to `Content-Length` before the answer is written.
/// A request it cannot frame (no blank line within 64 KiB, a bad length,
/// `Transfer-Encoding`) ends the connection.
final class LoopbackServer: @unchecked Sendable {
    /// The port the server listens on.
    let port: Int
    private let listener: Int32

    /// The answer to every request.
    static let answer = Array(
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\n\r\n{}".utf8)
    /// The largest request head read.
    static let maxHeadBytes = 64 * 1024

    /// Starts listening on a free port of `127.0.0.1` with `workers`
    /// threads, which is also the number of connections served at once.
    init(workers: Int = 16) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(fd, address, length) == 0 && listen(fd, 512) == 0 && getsockname(fd, address, &length) == 0
            }
        }
        guard bound else {
            let error = errno
            _ = close(fd)
            throw POSIXError(.init(rawValue: error) ?? .EIO)
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        for _ in 0..<max(1, workers) {
            let thread = Thread { [listener] in Self.acceptLoop(listener) }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    /// Stops accepting; the workers end as their connections close.
    func stop() {
        _ = shutdown(listener, Int32(SHUT_RDWR))
        _ = close(listener)
    }

    /// Accepts connections one at a time and serves each to its end, with
    /// buffers allocated once per worker.
    private static func acceptLoop(_ listener: Int32) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            var one: Int32 = 1
            _ = setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            buffer.removeAll(keepingCapacity: true)
            serve(connection, buffer: &buffer, chunk: &chunk)
            _ = close(connection)
        }
    }

    /// Answers the requests of one connection until it closes, asks to
    /// close, or sends a request that cannot be framed. `buffer` holds what
    /// has arrived and is not yet answered; `chunk` is where `recv` writes.
    private static func serve(_ connection: Int32, buffer: inout [UInt8], chunk: inout [UInt8]) {
        /// Reads more into `buffer`; false at end of stream or on an error.
        func receive() -> Bool {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress!, $0.count, 0) }
            if count < 0 && errno == EINTR { return true }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
        while true {
            var headEnd: Int?
            while true {
                headEnd = blankLine(in: buffer)
                if headEnd != nil || buffer.count > maxHeadBytes || !receive() { break }
            }
            guard let headEnd, let head = RequestHead(buffer[..<headEnd]) else { return }
            let requestEnd = headEnd + 4 + head.contentLength
            while buffer.count < requestEnd {
                guard receive() else { return }
            }
            guard sendAll(answer, to: connection) else { return }
            buffer.removeFirst(requestEnd)
            if head.closes { return }
        }
    }

    /// The index of the first `\r\n\r\n` in `bytes`.
    private static func blankLine(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// Writes all of `bytes`; false if the connection failed.
    private static func sendAll(_ bytes: [UInt8], to connection: Int32) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { send(connection, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }
}
