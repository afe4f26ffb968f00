import FeedbackSystem
import FeedbackTestSupport
import Foundation

/// A command run to its end, as a user runs it: what it wrote and how it ended.
package struct CommandRun: Sendable {
    /// How it ended (`nil`: it had to be killed at the deadline).
    package let termination: ChildProcess.Termination?
    /// Its standard output.
    package let output: [UInt8]
    /// Its standard error.
    package let error: [UInt8]
    /// The highest peak resident size (`VmHWM`, kB) seen while it ran.
    package let peakKilobytes: Int?

    /// The exit status, or -1 when it did not exit normally.
    package var status: Int32 {
        if case .exited(let status)? = termination { return status }
        return -1
    }
    /// Standard output as text.
    package var outputText: String { String(decoding: output, as: UTF8.self) }
    /// Standard error as text.
    package var errorText: String { String(decoding: error, as: UTF8.self) }

    /// Runs `command` with `input` on its standard input (closed after it),
    /// reading its outputs as they come, within `timeout` seconds: past it,
    /// the command's process group is killed and ``termination`` is `nil`.
    /// - Parameters:
    ///   - stdout: `.pipe` to read it; `.null` to discard it.
    ///   - closeOutputAfter: close the reading end of standard output once
    ///     this many bytes arrived (a reader that goes away, as `head` does).
    ///   - environment: variables added to the command's environment.
    package init(_ command: [String], input: some Sequence<UInt8> = [], timeout: Double = 120,
                stdout: ChildProcess.Stream = .pipe, stderr: ChildProcess.Stream = .pipe,
                closeOutputAfter: Int? = nil, environment: [String: String] = [:]) throws {
        let child = try ChildProcess(command, stdin: .pipe, stdout: stdout, stderr: stderr, environment: environment)
        let input = Array(input)
        var written = 0
        var output: [UInt8] = [], error: [UInt8] = []
        var peak: Int?
        let deadline = ContinuousClock.now + .seconds(timeout)
        if input.isEmpty { child.closeInput() }
        while true {
            if child.output < 0 && child.error < 0 && child.input < 0 { break }
            guard let milliseconds = deadline.pollTimeout(cap: 50) else { break }
            var fds: [PollRequest] = []
            if child.input >= 0 { fds.append(PollRequest(child.input, .writable)) }
            if child.output >= 0 { fds.append(PollRequest(child.output, .readable)) }
            if child.error >= 0 { fds.append(PollRequest(child.error, .readable)) }
            _ = try? System.poll(&fds, milliseconds: milliseconds)
            peak = Self.peakKilobytes(of: child.pid) ?? peak
            for ready in fds where !ready.returned.isEmpty {
                if ready.descriptor == child.input {
                    let moved = input[written...].withUnsafeBytes { Descriptor(child.input).write(UnsafeRawBufferPointer(rebasing: $0.prefix(1 << 16))) }
                    if case .moved(let count) = moved { written += count } else if moved.isClosed { child.closeInput() }
                    if written == input.count { child.closeInput() }
                } else {
                    let isOutput = ready.descriptor == child.output
                    let moved = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { chunk in
                        let moved = Descriptor(ready.descriptor).read(into: chunk)
                        if case .moved(let count) = moved {
                            if isOutput { output.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<count])) }
                            else { error.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<count])) }
                        }
                        return moved
                    }
                    if moved.isClosed {
                        if isOutput { child.closeOutput() } else { child.closeError() }
                    }
                    if isOutput, let limit = closeOutputAfter, output.count >= limit { child.closeOutput() }
                }
            }
        }
        let ended = child.waitForExit(max(0, ContinuousClock.now.duration(to: deadline).seconds))
        let reaped = child.terminate(grace: 0)
        termination = ended == nil ? nil : reaped
        self.output = output
        self.error = error
        peakKilobytes = peak
    }

    /// `VmHWM` of a running process, in kB.
    static func peakKilobytes(of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }
    }
}
