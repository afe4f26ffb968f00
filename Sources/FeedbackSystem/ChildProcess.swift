#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A child process: an adapter, curl, or a peer in tests.
///
/// Writing to a child that exited fails with `EPIPE` and never ends this
/// process: ``System/write(_:_:socket:)`` holds `SIGPIPE` back on the
/// writing thread, so no library code changes the process's signal
/// dispositions (the executable's `main` ignores `SIGPIPE`, and the
/// children it starts inherit that, as `Conformance/PROTOCOL.md` says).
///
/// Started with `posix_spawnp` in a process group of its own, with no
/// signal blocked, every descriptor but its standard streams closed, and
/// its pipes owned by this object. Nothing watches it in the background
/// (no dispatch source, no run loop): every wait polls, bounded by a
/// deadline, so a child that ignores signals, a grandchild that calls
/// `setsid()` and keeps a pipe open, or one that never exits cannot hold
/// the runner. ``terminate(grace:)`` ends the whole group and reaps the
/// child.
///
/// Not thread-safe: use an instance from one thread at a time.
package final class ChildProcess {
    /// What a standard stream of the child is connected to.
    package enum Stream: Sendable, Hashable {
        /// A pipe this object holds the other end of.
        case pipe
        /// `/dev/null`.
        case null
        /// This process's own stream.
        case inherit
        /// A file, opened for reading (standard input) or writing (the others,
        /// truncated), e.g. `/dev/full` in tests of a full disk.
        case file(String)
    }

    /// How the child ended.
    package enum Termination: Sendable, Hashable, CustomStringConvertible {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)

        package var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signalled(let signal): "was killed by signal \(signal)"
            }
        }
    }

    /// Why a child could not be started.
    package struct SpawnFailure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The `errno` of the failure (`ENOENT`: no such command).
        package let code: Int32
        /// Whether the command does not exist (or is not executable).
        package var isNotFound: Bool { code == ENOENT || code == EACCES || code == ENOTDIR }
        package var description: String {
            isNotFound ? "the command was not found (or is not executable)"
                : "the command could not be started (\(String(cString: strerror(code))))"
        }
    }

    /// The child's process id, also its process group id.
    package let pid: pid_t
    /// The write end of the child's standard input, non-blocking; -1 when
    /// not a pipe or closed.
    package private(set) var input: Int32 = -1
    /// The read end of the child's standard output; -1 when not a pipe or closed.
    package private(set) var output: Int32 = -1
    /// The read end of the child's standard error; -1 when not a pipe or closed.
    package private(set) var error: Int32 = -1
    /// The write end of a pipe the child reads as descriptor 3 (e.g. as
    /// `/dev/fd/3`), non-blocking; -1 when not asked for or closed. For
    /// what must reach the child on neither its command line (which `ps`
    /// shows) nor a file: request headers that carry a session token.
    package private(set) var extraInput: Int32 = -1
    /// How the child ended, once reaped.
    package private(set) var termination: Termination?

    /// Starts `command` (its first element looked up in `PATH`), with the
    /// variables of `environment` added to this process's environment.
    /// - Throws: ``SpawnFailure``, telling a missing command apart.
    /// With `extraInput`, the child also gets a pipe as descriptor 3
    /// (``extraInput``).
    package init(_ command: [String], stdin: Stream = .pipe, stdout: Stream = .pipe, stderr: Stream = .pipe,
                 extraInput wantsExtraInput: Bool = false, environment: [String: String] = [:]) throws(SpawnFailure) {
        guard let program = command.first, !program.isEmpty else { throw SpawnFailure(code: ENOENT) }
        var pipes: [(read: Int32, write: Int32)?] = [nil, nil, nil, nil]
        func cleanUp() {
            for pair in pipes {
                if let pair { _ = close(pair.read); _ = close(pair.write) }
            }
        }
        for (index, stream) in [stdin, stdout, stderr, wantsExtraInput ? .pipe : .null].enumerated() {
            guard case .pipe = stream else { continue }
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else {
                let code = errno
                cleanUp()
                throw SpawnFailure(code: code)
            }
            // Close-on-exec at once (children this object starts close every
            // other descriptor anyway; this covers other code's children).
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            if index == 3 && ends[0] == 3 {
                // dup2(3, 3) in the child would keep close-on-exec: move the end out of the way.
                let moved = fcntl(ends[0], F_DUPFD_CLOEXEC, 4)
                let code = errno
                _ = close(ends[0])
                ends[0] = moved
                guard moved >= 0 else {
                    _ = close(ends[1])
                    cleanUp()
                    throw SpawnFailure(code: code)
                }
            }
            pipes[index] = (ends[0], ends[1])
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (index, stream) in [stdin, stdout, stderr].enumerated() {
            switch stream {
            case .pipe:
                let pair = pipes[index]!
                posix_spawn_file_actions_adddup2(&actions, index == 0 ? pair.read : pair.write, Int32(index))
            case .null:
                posix_spawn_file_actions_addopen(&actions, Int32(index), "/dev/null", index == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, Int32(index), path, index == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .inherit:
                break
            }
        }
        if let pair = pipes[3] { posix_spawn_file_actions_adddup2(&actions, pair.read, 3) }
        Self.closeOtherDescriptors(&actions, from: pipes[3] == nil ? 3 : 4)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, to be ended as a group; nothing blocked,
        // whatever the spawning thread blocks (Swift concurrency and Dispatch
        // threads block nearly every signal, and a child inherits the mask).
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))

        var variables = [String: String]()
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        variables.merge(environment) { _, new in new }
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let result = posix_spawnp(&child, program, &actions, &attributes, &argv, &envp)
        guard result == 0 else {
            cleanUp()
            throw SpawnFailure(code: result)
        }
        pid = child
        // Keep this side's ends; close the child's.
        if let pair = pipes[0] {
            _ = close(pair.read)
            input = pair.write
            _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        }
        if let pair = pipes[1] { _ = close(pair.write); output = pair.read }
        if let pair = pipes[2] { _ = close(pair.write); error = pair.read }
        if let pair = pipes[3] {
            _ = close(pair.read)
            extraInput = pair.write
            _ = fcntl(extraInput, F_SETFL, fcntl(extraInput, F_GETFL) | O_NONBLOCK)
        }
    }

    deinit {
        terminate(grace: 0)
    }

    /// Closes the child's standard input (its end of input).
    package func closeInput() {
        if input >= 0 { _ = close(input); input = -1 }
    }

    /// Closes the pipe the child reads as descriptor 3 (its end of input).
    package func closeExtraInput() {
        if extraInput >= 0 { _ = close(extraInput); extraInput = -1 }
    }

    /// Closes this side of the child's standard output.
    package func closeOutput() {
        if output >= 0 { _ = close(output); output = -1 }
    }

    /// Closes this side of the child's standard error.
    package func closeError() {
        if error >= 0 { _ = close(error); error = -1 }
    }

    /// How the child ended, if it has; it stays unreaped (its process
    /// group cannot be reused) until ``terminate(grace:)``.
    package var exitStatus: Termination? {
        if let termination { return termination }
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info._sifields._sigchld.si_pid == pid else {
            return nil
        }
        let status = info._sifields._sigchld.si_status
        return info.si_code == CLD_EXITED ? .exited(status) : .signalled(status)
    }

    /// Waits up to `seconds` for the child to end; its termination, or
    /// `nil` if it still runs.
    package func waitForExit(_ seconds: Double) -> Termination? {
        let deadline = ContinuousClock.now + .milliseconds(Int64(max(0, seconds) * 1000))
        while true {
            if let status = exitStatus { return status }
            if ContinuousClock.now >= deadline { return nil }
            usleep(2_000)
        }
    }

    /// Ends the child: closes its standard input (its end of input), waits
    /// up to `grace` seconds, then sends `SIGTERM` to its process group and
    /// waits half a second, then `SIGKILL` to the group (always: whatever
    /// the child left running in its group dies with it), reaps the child
    /// and closes every pipe. Bounded whatever the child does; idempotent.
    @discardableResult
    package func terminate(grace: Double = 2) -> Termination? {
        if termination == nil {
            closeInput()
            if waitForExit(grace) == nil {
                _ = kill(-pid, SIGTERM)
                _ = waitForExit(0.5)
            }
            _ = kill(-pid, SIGKILL)
            // The group leader is not reaped yet, so its group id is still
            // its own: the signal reached no other process.
            let deadline = ContinuousClock.now + .seconds(5)
            var status: Int32 = 0
            while termination == nil && ContinuousClock.now < deadline {
                let reaped = waitpid(pid, &status, WNOHANG)
                if reaped == pid {
                    let signal = status & 0x7F
                    termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
                } else if reaped < 0 && errno != EINTR {
                    termination = .signalled(SIGKILL)  // not ours to reap any more
                } else {
                    usleep(2_000)
                }
            }
        }
        closeInput()
        closeExtraInput()
        closeOutput()
        closeError()
        return termination
    }

    /// Closes, in the child, every descriptor from `lowest` up (those past
    /// its standard streams and its extra input): this process's own are
    /// close-on-exec, but a library's may not be, and an inherited pipe
    /// would keep another child's input open.
    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t, from lowest: Int32) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = closeFrom {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, lowest)
            return
        }
        // glibc before 2.34: each open descriptor, as /proc lists them.
        guard let directory = opendir("/proc/self/fd") else { return }
        defer { closedir(directory) }
        let own = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if let descriptor = Int32(name), descriptor >= lowest, descriptor != own {
                posix_spawn_file_actions_addclose(&actions, descriptor)
            }
        }
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34 and later), found at run time.
    nonisolated(unsafe) private static let closeFrom: UnsafeMutableRawPointer? =
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
}
