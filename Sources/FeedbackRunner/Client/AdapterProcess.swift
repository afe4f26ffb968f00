import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A client adapter running as a child process that speaks JSON lines on
/// its standard input and output (`Conformance/PROTOCOL.md`).
///
/// ```swift
/// let adapter = try AdapterProcess(command: ["python3", "adapter.py"])
/// try adapter.send(AdapterCommand.stop.jsonLine, timeout: 5)
/// let line = try adapter.receiveLine(timeout: 5)   // one reply, without its "\n"
/// adapter.terminate()                              // always: closes stdin, then SIGTERM, SIGKILL, reaps
/// ```
///
/// Every wait is bounded: writes and reads take a timeout, a reply line
/// longer than ``maxLineBytes`` is an error (the buffer never grows beyond
/// it by more than one read), and the adapter's standard error is read and
/// counted, never kept, since it may echo parameter values. The class is
/// not thread-safe: use an instance from one thread at a time. Writing to
/// an adapter that exited must not kill the runner, so the first instance
/// sets `SIGPIPE` to be ignored in this process.
public final class AdapterProcess {
    /// The command, as given.
    public let command: [String]
    /// The longest reply line accepted, in bytes (without its newline).
    public let maxLineBytes: Int
    /// Lines the adapter wrote to standard error (not kept).
    public private(set) var stderrLines = 0
    /// The largest number of bytes the reply buffer held (for tests of the
    /// memory bound).
    public private(set) var peakBufferedBytes = 0

    private let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private let forwardsStderr: Bool
    private var buffer: [UInt8] = []
    private var scanned = 0
    private var leadsGroup = false
    private var stderrOpen: Bool
    private var finished = false

    /// Launches `command` (looked up in `PATH` when it names no path).
    /// - Parameters:
    ///   - maxLineBytes: the longest reply line accepted (1 MiB by default).
    ///   - forwardStderr: let the adapter's standard error through to this
    ///     process's, for debugging an adapter; it may show parameter values.
    /// - Throws: ``Failure`` when it cannot be started.
    public init(command: [String], maxLineBytes: Int = 1 << 20, forwardStderr: Bool = false) throws(Failure) {
        self.command = command
        self.maxLineBytes = maxLineBytes
        self.forwardsStderr = forwardStderr
        stderrOpen = !forwardStderr
        Self.ignoreSIGPIPE
        guard let program = command.first, !program.isEmpty else { throw Failure(.launch, "the adapter command is empty") }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.standardInput = input
        process.standardOutput = output
        process.standardError = forwardStderr ? FileHandle.standardError : errors
        // The child inherits the spawning thread's signal mask, and Swift
        // concurrency and Dispatch threads block nearly every signal: a child
        // spawned from one could not be stopped with SIGTERM (nor see
        // SIGCHLD). Spawn with nothing blocked.
        var unblocked = sigset_t(), saved = sigset_t()
        sigemptyset(&unblocked)
        pthread_sigmask(SIG_SETMASK, &unblocked, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        do { try process.run() } catch { throw Failure(.launch, "the adapter command could not be started") }
        leadsGroup = getpgid(process.processIdentifier) == process.processIdentifier
        let flags = fcntl(input.fileHandleForWriting.fileDescriptor, F_GETFL)
        _ = fcntl(input.fileHandleForWriting.fileDescriptor, F_SETFL, flags | O_NONBLOCK)
    }

    deinit { terminate(grace: 0) }

    /// The child's process id.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Writes `line` (which should end in `\n`) to the adapter's standard
    /// input within `timeout` seconds.
    /// - Throws: ``Failure`` when the adapter is gone or does not read.
    public func send(_ line: [UInt8], timeout: Double) throws(Failure) {
        let deadline = ContinuousClock.now + .seconds(timeout)
        let fd = input.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < line.count {
            if finished { throw Failure(.writeFailed, "the adapter has been stopped") }
            let written = line[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written > 0 { offset += written; continue }
            guard written < 0, errno == EAGAIN || errno == EINTR else {
                throw exitFailure(otherwise: Failure(.writeFailed, "the adapter closed its standard input"))
            }
            guard try wait(for: fd, events: Int16(POLLOUT), until: deadline) else {
                throw Failure(.timedOut, "the adapter did not read its input within \(Self.seconds(timeout))")
            }
        }
    }

    /// Reads the adapter's next line of standard output within `timeout`
    /// seconds, without the `\n`.
    /// - Throws: ``Failure`` on timeout, end of output (the adapter exited
    ///   or closed it), or a line longer than ``maxLineBytes``. The
    ///   adapter is unusable afterwards: ``terminate(grace:)`` it.
    public func receiveLine(timeout: Double) throws(Failure) -> [UInt8] {
        let deadline = ContinuousClock.now + .seconds(timeout)
        let fd = output.fileHandleForReading.fileDescriptor
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                scanned = 0
                return line
            }
            scanned = buffer.count
            if buffer.count > maxLineBytes {
                throw Failure(.lineTooLong, "a reply line exceeds \(maxLineBytes) bytes")
            }
            guard try wait(for: fd, events: Int16(POLLIN), until: deadline) else {
                throw Failure(.timedOut, "no reply within \(Self.seconds(timeout))")
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer += chunk[..<count]
                peakBufferedBytes = max(peakBufferedBytes, buffer.count)
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                throw exitFailure(otherwise: Failure(.exited, "the adapter closed its standard output"))
            }
        }
    }

    /// Ends the adapter: closes its standard input (the protocol's end of
    /// input), waits up to `grace` seconds for it to exit, then sends
    /// `SIGTERM`, then `SIGKILL`, and reaps it. Idempotent.
    public func terminate(grace: Double = 2) {
        guard !finished else { return }
        finished = true
        try? input.fileHandleForWriting.close()
        if !waitForExit(grace) {
            signal(SIGTERM)
            if !waitForExit(0.5) { signal(SIGKILL) }
        }
        process.waitUntilExit()
        try? output.fileHandleForReading.close()
        if !forwardsStderr { try? errors.fileHandleForReading.close() }
    }

    private func signal(_ number: Int32) {
        let pid = process.processIdentifier
        _ = kill(leadsGroup ? -pid : pid, number)
    }

    /// Polls `fd` (and standard error, which it drains) until `fd` is ready
    /// or `deadline` passes; `false` on timeout.
    private func wait(for fd: Int32, events: Int16, until deadline: ContinuousClock.Instant) throws(Failure) -> Bool {
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            if left <= .zero { return false }
            let milliseconds = Int32(min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1, 60_000))
            var fds = [pollfd(fd: fd, events: events, revents: 0)]
            if stderrOpen { fds.append(pollfd(fd: errors.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0 && errno != EINTR { throw Failure(.exited, "cannot wait for the adapter") }
            if fds.count > 1, fds[1].revents != 0 { drainStderr() }
            if fds[0].revents != 0 { return true }
        }
    }

    private func drainStderr() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count = chunk.withUnsafeMutableBytes { read(errors.fileHandleForReading.fileDescriptor, $0.baseAddress, $0.count) }
        if count > 0 { stderrLines += chunk[..<count].count { $0 == UInt8(ascii: "\n") } }
        else if count == 0 || (errno != EINTR && errno != EAGAIN) { stderrOpen = false }  // closed: stop polling it
    }

    /// The failure that explains a closed pipe: how the adapter ended, if it
    /// did within a moment; else `otherwise`.
    private func exitFailure(otherwise: Failure) -> Failure {
        guard waitForExit(1) else { return otherwise }
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal { return Failure(.exited, "the adapter was killed by signal \(status)") }
        return Failure(.exited, "the adapter exited with status \(status)" + (status == 127 ? " (command not found?)" : ""))
    }

    private func waitForExit(_ seconds: Double) -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while process.isRunning {
            if ContinuousClock.now >= deadline { return false }
            usleep(5_000)
        }
        return true
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static let ignoreSIGPIPE: Void = { _ = Glibc.signal(SIGPIPE, SIG_IGN) }()

    /// Why an adapter could not be used. Its description says what happened
    /// (never anything the adapter wrote).
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The kind of failure.
        public var kind: Kind
        /// What happened, e.g. `no reply within 10 s`.
        public var description: String

        /// Creates a failure.
        public init(_ kind: Kind, _ description: String) {
            self.kind = kind
            self.description = description
        }

        /// The kinds of failure.
        public enum Kind: String, Sendable, Hashable {
            /// The command could not be started.
            case launch
            /// It exited, was killed, or closed its output.
            case exited
            /// It did not answer (or read) in time.
            case timedOut
            /// It wrote a reply line over the size limit.
            case lineTooLong
            /// Its input could not be written.
            case writeFailed
            /// It replied, but not as the protocol says.
            case malformed
        }
    }
}
