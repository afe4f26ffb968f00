import FeedbackSystem

/// A client adapter running as a child process that speaks JSON lines on
/// its standard input and output (`Conformance/PROTOCOL.md`).
///
/// ```swift
/// let adapter = try AdapterProcess(command: ["python3", "adapter.py"])
/// try adapter.send(AdapterCommand.stop.jsonLine, timeout: 5)
/// let line = try adapter.receiveLine(timeout: 5)   // one reply, without its "\n"
/// adapter.terminate()                              // always: closes stdin, then SIGTERM, SIGKILL to its group, reaps
/// ```
///
/// Every wait is bounded: writes and reads take a timeout, a reply line
/// longer than ``maxLineBytes`` is an error (the buffer never grows beyond
/// it by more than one read), and the adapter's standard error is drained
/// while the runner waits (so a chatty adapter never blocks on it), its
/// last lines kept, bounded (``StandardErrorTail``), to tell why the
/// adapter stopped: they may echo parameter values, so whoever shows them
/// filters them first. The adapter runs in a process group of its own, which
/// ``terminate(grace:)`` ends as a whole. The class is not thread-safe: use
/// an instance from one thread at a time. Writing to an adapter that exited
/// must not kill the runner: `SIGPIPE` is ignored in this process.
package final class AdapterProcess {
    /// The command, as given.
    package let command: [String]
    /// The longest reply line accepted, in bytes (without its newline).
    package let maxLineBytes: Int
    /// Lines the adapter wrote to standard error.
    package private(set) var stderrLines = 0
    /// The end of what the adapter wrote to standard error, unfiltered.
    private var stderrTail = StandardErrorTail()
    /// The largest number of bytes the reply buffer held (for tests of the
    /// memory bound).
    package private(set) var peakBufferedBytes = 0

    private let process: ChildProcess
    private var buffer: [UInt8] = []
    private var scanned = 0
    private var finished = false

    /// Launches `command` (looked up in `PATH`).
    /// - Parameters:
    ///   - command: the program and its arguments.
    ///   - maxLineBytes: the longest reply line accepted (1 MiB by default).
    ///   - forwardStderr: let the adapter's standard error through to this
    ///     process's, for debugging an adapter; it may show parameter values.
    ///   - environment: variables added to the adapter's environment.
    /// - Throws: ``Failure`` of kind ``Failure/Kind/notFound`` when there is
    ///   no such command, ``Failure/Kind/launch`` when it cannot be started.
    package init(command: [String], maxLineBytes: Int = 1 << 20, forwardStderr: Bool = false,
                environment: [String: String] = [:]) throws(Failure) {
        self.command = command
        self.maxLineBytes = maxLineBytes
        guard let program = command.first, !program.isEmpty else { throw Failure(.launch, "the adapter command is empty") }
        do {
            process = try ChildProcess(command, stderr: forwardStderr ? .inherit : .pipe, environment: environment)
        } catch {
            throw Failure(error.isNotFound ? .notFound : .launch, "\(program): \(error)")
        }
    }

    deinit { terminate(grace: 0) }

    /// The child's process id (and process group id).
    package var processIdentifier: Int32 { process.pid }

    /// Writes `line` (which should end in `\n`) to the adapter's standard
    /// input within `timeout` seconds.
    /// - Throws: ``Failure`` when the adapter is gone or does not read.
    package func send(_ line: [UInt8], timeout: Double) throws(Failure) {
        let deadline = ContinuousClock.now + .seconds(timeout)
        let input = Descriptor(process.input)
        var offset = 0
        while offset < line.count {
            if finished { throw Failure(.writeFailed, "the adapter has been stopped") }
            switch line[offset...].withUnsafeBytes({ input.write($0) }) {
            case .moved(let count): offset += count; continue
            case .wouldBlock: break
            case .closed: throw exitFailure(otherwise: Failure(.writeFailed, "the adapter closed its standard input"))
            }
            guard try wait(for: input, events: .writable, until: deadline) else {
                throw Failure(.timedOut, "the adapter did not read its input within \(Self.seconds(timeout))")
            }
        }
    }

    /// Reads the adapter's next line of standard output within `timeout`
    /// seconds, without the `\n`.
    /// - Throws: ``Failure`` on timeout, end of output (the adapter exited
    ///   or closed it), or a line longer than ``maxLineBytes``. The
    ///   adapter is unusable afterwards: ``terminate(grace:)`` it.
    package func receiveLine(timeout: Double) throws(Failure) -> [UInt8] {
        let deadline = ContinuousClock.now + .seconds(timeout)
        let output = Descriptor(process.output)
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
            guard try wait(for: output, events: .readable, until: deadline) else {
                throw Failure(.timedOut, "no reply within \(Self.seconds(timeout))")
            }
            let read = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { chunk in
                let read = output.read(into: chunk)
                if case .moved(let count) = read { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<count])) }
                return read
            }
            switch read {
            case .moved: peakBufferedBytes = max(peakBufferedBytes, buffer.count)
            case .wouldBlock: break
            case .closed: throw exitFailure(otherwise: Failure(.exited, "the adapter closed its standard output"))
            }
        }
    }

    /// Ends the adapter: closes its standard input (the protocol's end of
    /// input), waits up to `grace` seconds for it to exit, then ends its
    /// process group (`SIGTERM`, then `SIGKILL`) and reaps it, without
    /// waiting for any pipe to close. Idempotent.
    package func terminate(grace: Double = 2) {
        guard !finished else { return }
        finished = true
        process.terminate(grace: grace)
    }

    /// Polls `fd` (and standard error, which it drains) until `fd` is ready
    /// or `deadline` passes; `false` on timeout. An adapter that has exited
    /// is a failure at once, even when something it started still holds
    /// its pipes open (no end of file would ever come).
    private func wait(for descriptor: Descriptor, events: PollEvents, until deadline: ContinuousClock.Instant) throws(Failure) -> Bool {
        while true {
            guard let milliseconds = deadline.pollTimeout(cap: 100) else { return false }
            var fds = [PollRequest(descriptor.raw, events)]
            if process.error >= 0 { fds.append(PollRequest(process.error, .readable)) }
            let ready: Bool
            do { ready = try System.poll(&fds, milliseconds: milliseconds) } catch {
                throw Failure(.exited, "cannot wait for the adapter")
            }
            if fds.count > 1, !fds[1].returned.isEmpty { drainStderr() }
            if !fds[0].returned.isEmpty { return true }
            if !ready, process.exitStatus != nil { throw exitFailure(otherwise: Failure(.exited, "the adapter exited")) }
        }
    }

    private func drainStderr() {
        let read = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { chunk in
            let read = Descriptor(process.error).read(into: chunk)
            if case .moved(let count) = read {
                let bytes = UnsafeBufferPointer(rebasing: chunk[..<count])
                stderrLines += bytes.count { $0 == UInt8(ascii: "\n") }
                stderrTail.append(bytes)
            }
            return read
        }
        if read.isClosed { process.closeError() }  // closed: stop polling it
    }

    /// The failure that explains a closed pipe: how the adapter ended, if it
    /// did within a moment; else `otherwise`.
    private func exitFailure(otherwise: Failure) -> Failure {
        guard let ended = process.waitForExit(1) else { return otherwise }
        if case .exited(127) = ended { return Failure(.exited, "the adapter exited with status 127 (command not found?)") }
        return Failure(.exited, "the adapter \(ended)")
    }

    /// The last lines the adapter wrote to standard error (oldest first,
    /// unfiltered: they may hold a parameter's value), once what is still
    /// in the pipe is read: at most ``StandardErrorTail/maxLines`` lines
    /// of the last ``StandardErrorTail/maxBytes`` bytes. Waits for nothing:
    /// what the pipe does not hold yet is not waited for.
    package func standardErrorTail() -> [String] {
        // Bounded: a grandchild that keeps writing cannot hold the runner here.
        for _ in 0..<64 where process.error >= 0 {
            var fds = [PollRequest(process.error, .readable)]
            guard (try? System.poll(&fds, milliseconds: 0)) == true, !fds[0].returned.isEmpty else { break }
            drainStderr()
        }
        return stderrTail.lines
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }


    /// Why an adapter could not be used. Its description says what happened
    /// (never anything the adapter wrote).
    package struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The kind of failure.
        package var kind: Kind
        /// What happened, e.g. `no reply within 10 s`.
        package var description: String

        /// Creates a failure.
        package init(_ kind: Kind, _ description: String) {
            self.kind = kind
            self.description = description
        }

        /// The kinds of failure.
        package enum Kind: String, Sendable, Hashable {
            /// There is no such command (or it is not executable).
            case notFound
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
