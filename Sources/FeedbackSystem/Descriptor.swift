/// A pipe end or a socket used without blocking: where a peer's bytes are
/// read and written. A call that would block comes back as
/// ``Transfer/wouldBlock`` (wait, then try again; an interrupted call is
/// retried by ``System``); the end of the stream and every other error as
/// ``Transfer/closed(_:)``.
///
/// ```swift
/// switch Descriptor(fd).read(into: chunk) {
/// case .moved(let count): use(chunk[..<count])
/// case .wouldBlock: try wait()
/// case .closed: throw Failure.closed
/// }
/// ```
package struct Descriptor: Hashable, Sendable {
    /// The file descriptor.
    package let raw: Int32

    /// The descriptor `raw`.
    package init(_ raw: Int32) { self.raw = raw }

    /// What one read or write came to.
    package enum Transfer: Equatable, Sendable {
        /// This many bytes moved, at least one.
        case moved(Int)
        /// Nothing now: the call would block.
        case wouldBlock
        /// The end of the stream (`errno` 0), or an error (its `errno`).
        case closed(Int32)

        /// Whether the stream ended or failed.
        package var isClosed: Bool {
            if case .closed = self { true } else { false }
        }
    }

    /// Reads what is there, at most `buffer.count` bytes.
    package func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Transfer {
        Self.transfer { () throws(SystemError) in try System.read(raw, into: UnsafeMutableRawBufferPointer(buffer)) }
    }

    /// Writes as much of `bytes` as the descriptor takes now. A reader that
    /// went away is an error (`EPIPE`), never a `SIGPIPE` (see
    /// ``System/write(_:_:socket:)``); `socket` for a socket.
    package func write(_ bytes: UnsafeRawBufferPointer, socket: Bool = false) -> Transfer {
        guard !bytes.isEmpty else { return .moved(0) }
        return Self.transfer { () throws(SystemError) in try System.write(raw, bytes, socket: socket) }
    }

    /// Makes reads and writes return instead of blocking.
    package func setNonBlocking() {
        System.setNonBlocking(raw)
    }

    /// Closes the descriptor.
    package func close() {
        System.close(raw)
    }

    private static func transfer(_ call: () throws(SystemError) -> Int) -> Transfer {
        do {
            let count = try call()
            return count > 0 ? .moved(count) : .closed(0)
        } catch {
            return error.wouldBlock ? .wouldBlock : .closed(error.code)
        }
    }
}
