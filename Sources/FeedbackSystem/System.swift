#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

#if !os(Linux)
#error("The platform is Linux: FeedbackSystem wraps the calls of its C library (glibc, or musl).")
#endif

// Every call into the C library that the package makes, wrapped once, as
// swift-nio's `NIOPosix/System.swift` does: an interrupted call (`EINTR`)
// is retried here and nowhere else, a short write resumed here, a failure
// thrown as a ``SystemError``. The platform is Linux (glibc; musl for a
// static build): the README and Package.swift say so.

/// A failed system call's `errno`, described in the system's words.
package struct SystemError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `errno` value.
    package let code: Int32

    /// The error for `errno` value `code`.
    package init(_ code: Int32) { self.code = code }

    /// The calling thread's `errno` now.
    package static var current: SystemError { SystemError(errno) }

    /// `strerror(3)`'s text, e.g. `No space left on device`.
    package var description: String { String(cString: strerror(code)) }

    /// `ENOENT`: nothing is at the path (or no such command).
    package static let noSuchFile = SystemError(ENOENT)
    /// `ENOTDIR`: a component of the path is not a directory.
    package static let notADirectory = SystemError(ENOTDIR)
    /// `EACCES`: permission denied.
    package static let permissionDenied = SystemError(EACCES)
    /// `EBADF`: not an open descriptor.
    package static let badDescriptor = SystemError(EBADF)
    /// `EIO`: an input or output error (also: a write that took nothing).
    package static let inputOutput = SystemError(EIO)
    /// `ELOOP`: too many symbolic links.
    package static let tooManyLinks = SystemError(ELOOP)
    /// `EAGAIN`: try again (no thread could be made, or the call would block).
    package static let tryAgain = SystemError(EAGAIN)
    /// `EPIPE`: the reading end is closed.
    package static let brokenPipe = SystemError(EPIPE)
    /// `ECONNREFUSED`: nothing listens at the address.
    package static let connectionRefused = SystemError(ECONNREFUSED)

    /// Whether the call would have blocked (`EAGAIN`, `EWOULDBLOCK`).
    package var wouldBlock: Bool { code == EAGAIN || code == EWOULDBLOCK }
}

/// How a file is opened.
package struct OpenMode: Sendable, Hashable {
    let flags: Int32
    /// Reading only.
    package static let read = OpenMode(flags: O_RDONLY)
    /// Writing only, never making the file the controlling terminal.
    package static let write = OpenMode(flags: O_WRONLY | O_NOCTTY)
    /// Reading and writing.
    package static let readWrite = OpenMode(flags: O_RDWR | O_NOCTTY)
    /// Writing a new file only: fails if anything (a link too) is at the path.
    package static let createNew = OpenMode(flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW)
}

/// What a path or descriptor is, and who may do what with it.
package struct FileStatus: Sendable, Hashable {
    /// The kind of node.
    package enum Kind: Sendable, Hashable {
        case regular, directory, symbolicLink, other
    }

    /// The kind of node.
    package let kind: Kind
    /// The owner's user id.
    package let owner: UInt32
    /// The group id.
    package let group: UInt32
    /// The permission bits (`0o7777`).
    package let permissions: UInt32

    init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        owner = info.st_uid
        group = info.st_gid
        permissions = UInt32(info.st_mode & 0o7777)
    }
}

/// Readiness to wait for, or found, on a descriptor.
package struct PollEvents: OptionSet, Sendable, Hashable {
    package let rawValue: Int16
    package init(rawValue: Int16) { self.rawValue = rawValue }
    /// Bytes to read, or the end of the stream.
    package static let readable = PollEvents(rawValue: Int16(POLLIN))
    /// Room to write.
    package static let writable = PollEvents(rawValue: Int16(POLLOUT))
}

/// One descriptor of a ``System/poll(_:milliseconds:)`` call.
package struct PollRequest: Sendable, Hashable {
    /// The descriptor.
    package var descriptor: Int32
    /// What to wait for.
    package var events: PollEvents
    /// What was found (also errors and hang-ups, which any wait reports):
    /// empty when the descriptor is not ready.
    package var returned: PollEvents = []

    /// A request to wait on `descriptor` for `events`.
    package init(_ descriptor: Int32, _ events: PollEvents) {
        self.descriptor = descriptor
        self.events = events
    }
}

/// A stream socket's address, copied out of the resolver's list.
package struct SocketAddress: Sendable, Hashable {
    /// `AF_INET` or `AF_INET6`.
    package var family: Int32
    /// `SOCK_STREAM`.
    package var type: Int32
    /// The protocol number.
    package var `protocol`: Int32
    /// The `sockaddr` bytes.
    package var bytes: [UInt8]
}

/// What connecting a non-blocking socket came to.
package enum ConnectProgress: Sendable, Hashable {
    /// Connected.
    case connected
    /// Under way: wait until it is writable, then read ``System/pendingError(ofSocket:)``.
    case inProgress
    /// Failed.
    case failed(SystemError)
}

/// The C library's calls, each wrapped once.
package enum System {
    // MARK: Descriptors

    /// Opens `path` (close-on-exec), retrying interruptions; `permissions`
    /// for a file it creates.
    package static func open(_ path: String, _ mode: OpenMode, permissions: UInt32 = 0o666) throws(SystemError) -> Int32 {
        while true {
            let descriptor = c_open(path, mode.flags | O_CLOEXEC, mode_t(permissions))
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw .current }
        }
    }

    /// Closes `descriptor`: `nil`, or why it failed. An interrupted close
    /// is not retried (Linux has closed the descriptor anyway) and counts
    /// as done.
    @discardableResult
    package static func close(_ descriptor: Int32) -> SystemError? {
        if c_close(descriptor) == 0 || errno == EINTR { return nil }
        return .current
    }

    /// One read of at most `buffer.count` bytes, retrying interruptions: the
    /// count read, 0 at the end of the stream.
    /// - Throws: the error, `tryAgain` when a non-blocking read would block.
    package static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        while true {
            let count = c_read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw .current }
        }
    }

    /// Reads until `buffer` is full or the stream ends: the count read
    /// (fewer than `buffer.count` only at the end).
    package static func fill(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// One write of as much of `bytes` as `descriptor` takes now, retrying
    /// interruptions: the count written. A reader that went away is
    /// `brokenPipe`, never a `SIGPIPE` that ends the process: a socket is
    /// written with `MSG_NOSIGNAL`; anything else with `SIGPIPE` blocked
    /// on this thread for the call, and the signal the call raised taken
    /// back before it is unblocked (the process's dispositions, which
    /// belong to its `main`, are never changed).
    /// - Throws: the error, `tryAgain` when a non-blocking write would block.
    package static func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, socket: Bool = false) throws(SystemError) -> Int {
        guard !bytes.isEmpty else { return 0 }
        while true {
            let count = socket ? send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
                : withBrokenPipeHeld { c_write(descriptor, bytes.baseAddress, bytes.count) }
            if count >= 0 { return count }
            if errno != EINTR { throw .current }
        }
    }

    /// Writes all of `bytes`, resuming short writes and retrying
    /// interruptions (a blocking descriptor).
    /// - Throws: the error of the write that failed; `inputOutput` for one
    ///   that took nothing.
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, socket: Bool = false) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let count = try write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[offset...]), socket: socket)
            guard count > 0 else { throw .inputOutput }
            offset += count
        }
    }

    /// `body` (one `write(2)`) with `SIGPIPE` blocked on this thread; a
    /// `SIGPIPE` it raised is taken back, one that was pending before is left.
    private static func withBrokenPipeHeld(_ body: () -> Int) -> Int {
        var pipeSignal = sigset_t(), previous = sigset_t(), pending = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        sigpending(&pending)
        let wasPending = sigismember(&pending, SIGPIPE) == 1
        let count = body()
        if count < 0 && errno == EPIPE && !wasPending {
            let code = errno
            var now = timespec(tv_sec: 0, tv_nsec: 0)
            while sigtimedwait(&pipeSignal, nil, &now) < 0 && errno == EINTR {}
            errno = code
        }
        return count
    }

    /// A duplicate of `descriptor` (close-on-exec).
    package static func duplicate(_ descriptor: Int32) throws(SystemError) -> Int32 {
        let copy = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard copy >= 0 else { throw .current }
        return copy
    }

    /// Makes reads and writes on `descriptor` return instead of blocking.
    package static func setNonBlocking(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    /// Waits up to `milliseconds` until one of `requests` is ready (see
    /// their `returned`); `true` when one is, `false` on timeout or
    /// interruption.
    package static func poll(_ requests: inout [PollRequest], milliseconds: Int32) throws(SystemError) -> Bool {
        var descriptors = requests.map { pollfd(fd: $0.descriptor, events: $0.events.rawValue, revents: 0) }
        let ready = c_poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        if ready < 0 && errno != EINTR { throw .current }
        for index in requests.indices { requests[index].returned = PollEvents(rawValue: descriptors[index].revents) }
        return ready > 0
    }

    // MARK: Files

    /// What `descriptor` is.
    package static func status(of descriptor: Int32) throws(SystemError) -> FileStatus {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .current }
        return FileStatus(info)
    }

    /// What is at `path`: its links followed, or (`followingLinks: false`)
    /// the link itself.
    package static func status(atPath path: String, followingLinks: Bool = true) throws(SystemError) -> FileStatus {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { throw .current }
        return FileStatus(info)
    }

    /// The target a symbolic link holds, as written.
    package static func linkTarget(_ path: String) throws(SystemError) -> String {
        var bytes = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &bytes, bytes.count - 1)
        guard count > 0 else { throw count < 0 ? .current : .noSuchFile }
        return String(decoding: bytes[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `path` made absolute with every link followed, or `nil`.
    package static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether this process may run the file at `path`.
    package static func isExecutable(_ path: String) -> Bool {
        access(path, X_OK) == 0
    }

    /// Whether this process may write `path`; why not otherwise.
    package static func checkWritable(_ path: String) throws(SystemError) {
        guard access(path, W_OK) == 0 else { throw .current }
    }

    /// Gives the file open as `descriptor` this owner and group (failures
    /// ignored: only a privileged process may give a file away) and these
    /// permission bits.
    package static func setOwnership(_ descriptor: Int32, owner: UInt32, group: UInt32, permissions: UInt32) {
        _ = fchown(descriptor, owner, group)
        _ = fchmod(descriptor, mode_t(permissions))
    }

    /// Flushes what was written to `descriptor` to the disk.
    package static func sync(_ descriptor: Int32) throws(SystemError) {
        guard fsync(descriptor) == 0 else { throw .current }
    }

    /// Renames `source` over `target`.
    package static func rename(_ source: String, over target: String) throws(SystemError) {
        guard c_rename(source, target) == 0 else { throw .current }
    }

    /// Removes the file at `path`, ignoring failure.
    package static func remove(_ path: String) {
        _ = unlink(path)
    }

    /// A new file, already unlinked, open for reading and writing: gone
    /// once its descriptor is closed.
    package static func anonymousFile() throws(SystemError) -> Int32 {
        let folder = environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/.cognito-feedback.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .current }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        return descriptor
    }

    /// Moves `descriptor`'s offset to the start of the file.
    package static func rewind(_ descriptor: Int32) throws(SystemError) {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw .current }
    }

    // MARK: The process

    /// This process's id.
    package static var processID: Int32 { getpid() }

    /// The variable `name` of this process's environment.
    package static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The processors online (at least 1).
    package static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Sets `SIGPIPE` to be ignored, process-wide: for an executable's
    /// `main` only (children it starts inherit it), never a library.
    package static func ignoreBrokenPipeSignal() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// Ends the process with `status`, as `exit(3)` does.
    package static func exit(_ status: Int32) -> Never {
        c_exit(status)
    }

    /// Sleeps this thread for `milliseconds`.
    package static func sleep(milliseconds: Int) {
        _ = usleep(UInt32(clamping: max(0, milliseconds) * 1000))
    }

    // MARK: Sockets

    /// The TCP addresses of `host` for `port`, in the resolver's order;
    /// empty when it has none (with `numericOnly`: unless `host` is a
    /// numeric address). Blocks for as long as the resolver takes.
    package static func addresses(of host: String, port: Int, numericOnly: Bool) -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        if numericOnly { hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV }
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(list) }
        var entries: [SocketAddress] = []
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let info = next {
            next = info.pointee.ai_next
            guard let address = info.pointee.ai_addr else { continue }
            let bytes = Array(UnsafeRawBufferPointer(start: address, count: Int(info.pointee.ai_addrlen)))
            entries.append(SocketAddress(family: info.pointee.ai_family, type: info.pointee.ai_socktype,
                                         protocol: info.pointee.ai_protocol, bytes: bytes))
        }
        return entries
    }

    /// A new non-blocking socket for `address` (close-on-exec), with
    /// `TCP_NODELAY` set.
    package static func socket(for address: SocketAddress) throws(SystemError) -> Int32 {
        let descriptor = c_socket(address.family, address.type | Int32(SOCK_CLOEXEC.rawValue), address.protocol)
        guard descriptor >= 0 else { throw .current }
        setNonBlocking(descriptor)
        var one: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return descriptor
    }

    /// Starts connecting the non-blocking `socket` to `address`.
    package static func connect(_ socket: Int32, to address: SocketAddress) -> ConnectProgress {
        let result = address.bytes.withUnsafeBytes {
            c_connect(socket, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t($0.count))
        }
        if result == 0 { return .connected }
        return errno == EINPROGRESS || errno == EINTR ? .inProgress : .failed(.current)
    }

    /// The outcome of a connection that was in progress (`SO_ERROR`):
    /// `nil` once connected.
    package static func pendingError(ofSocket socket: Int32) -> SystemError? {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else { return .current }
        return error == 0 ? nil : SystemError(error)
    }

    // MARK: Memory and numbers

    /// The offset of the first `byte` in `bytes` (`memchr(3)`), or `nil`.
    /// Inlined into its callers: lint looks for every line's end with it.
    @inlinable
    package static func firstIndex(of byte: UInt8, in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        return memchr(base, Int32(byte), bytes.count).map { UnsafeRawPointer($0) - base }
    }

    /// `value` as C's `%*.*f` writes it (the C locale's `.`): `places`
    /// digits after the point, right-aligned in at least `width` characters.
    package static func fixedPoint(_ value: Double, places: Int, width: Int) -> String {
        let arguments: [any CVarArg] = [Int32(clamping: width), Int32(clamping: places), value]
        let length = withVaList(arguments) { vsnprintf(nil, 0, "%*.*f", $0) }
        guard length >= 0 else { return String(value) }
        var bytes = [CChar](repeating: 0, count: Int(length) + 1)
        _ = bytes.withUnsafeMutableBufferPointer { buffer in
            withVaList(arguments) { vsnprintf(buffer.baseAddress, buffer.count, "%*.*f", $0) }
        }
        return String(decoding: bytes.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The real cube root of `x` (`cbrt(3)`).
    package static func cubeRoot(_ x: Double) -> Double { cbrt(x) }
}

// The C library's calls under names the methods above do not shadow.
private func c_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func c_close(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func c_read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(descriptor, buffer, count) }
private func c_write(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int { write(descriptor, bytes, count) }
private func c_poll(_ descriptors: inout [pollfd], _ count: nfds_t, _ milliseconds: Int32) -> Int32 { poll(&descriptors, count, milliseconds) }
private func c_rename(_ source: String, _ target: String) -> Int32 { rename(source, target) }
private func c_socket(_ family: Int32, _ type: Int32, _ proto: Int32) -> Int32 { socket(family, type, proto) }
private func c_connect(_ socket: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 { connect(socket, address, length) }
private func c_exit(_ status: Int32) -> Never { exit(status) }
