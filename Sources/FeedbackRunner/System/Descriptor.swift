#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe end or a socket the runner uses without blocking: the one place
/// where a peer's bytes are read and written and its readiness waited for.
/// An interrupted call and one that would block both come back as
/// ``Transfer/wouldBlock`` (wait, then try again); the end of the stream
/// and every other error as ``Transfer/closed(_:)``.
///
/// ```swift
/// switch Descriptor(fd).read(into: chunk) {
/// case .moved(let count): use(chunk[..<count])
/// case .wouldBlock: try wait()
/// case .closed: throw Failure.closed
/// }
/// ```
struct Descriptor: Hashable {
    /// The file descriptor.
    let raw: Int32

    init(_ raw: Int32) { self.raw = raw }

    /// What one read or write came to.
    enum Transfer: Equatable {
        /// This many bytes moved, at least one.
        case moved(Int)
        /// Nothing now: the call would block or was interrupted.
        case wouldBlock
        /// The end of the stream (`errno` 0), or an error (its `errno`).
        case closed(Int32)

        /// Whether the stream ended or failed.
        var isClosed: Bool {
            if case .closed = self { true } else { false }
        }
    }

    /// Reads what is there, at most `buffer.count` bytes.
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Transfer {
        Self.transfer(systemRead(raw, buffer.baseAddress, buffer.count))
    }

    /// Writes as much of `bytes` as the descriptor takes now. On a socket
    /// (`socket`), a peer that closed the connection is an error, never a
    /// `SIGPIPE`, whatever the process does with that signal.
    func write(_ bytes: UnsafeRawBufferPointer, socket: Bool = false) -> Transfer {
        guard !bytes.isEmpty else { return .moved(0) }
        return Self.transfer(socket ? send(raw, bytes.baseAddress, bytes.count, noSignal)
                                    : systemWrite(raw, bytes.baseAddress, bytes.count))
    }

    /// Makes reads and writes return instead of blocking.
    func setNonBlocking() {
        _ = fcntl(raw, F_SETFL, fcntl(raw, F_GETFL) | O_NONBLOCK)
    }

    /// Closes the descriptor.
    func close() {
        _ = systemClose(raw)
    }

    /// Waits up to `milliseconds` until one of `descriptors` is ready (see
    /// their `revents`); `true` when one is, `false` on timeout or
    /// interruption.
    /// - Throws: the `errno` of any other failure.
    static func poll(_ descriptors: inout [pollfd], milliseconds: Int32) throws(Errno) -> Bool {
        let ready = systemPoll(&descriptors, nfds_t(descriptors.count), milliseconds)
        if ready < 0 && errno != EINTR { throw Errno(errno) }
        return ready > 0
    }

    private static func transfer(_ count: Int) -> Transfer {
        if count > 0 { return .moved(count) }
        if count == 0 { return .closed(0) }
        let error = errno
        return error == EAGAIN || error == EWOULDBLOCK || error == EINTR ? .wouldBlock : .closed(error)
    }
}

#if canImport(Glibc)
private let noSignal = Int32(MSG_NOSIGNAL)
#else
private let noSignal: Int32 = 0  // Darwin: SO_NOSIGPIPE on the socket instead
#endif

// The C library's calls under names the methods above do not shadow.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, bytes, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
private func systemPoll(_ fds: inout [pollfd], _ count: nfds_t, _ milliseconds: Int32) -> Int32 { poll(&fds, count, milliseconds) }

/// A system call's `errno`.
struct Errno: Error, Hashable {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}
