import FeedbackSystem
import Glibc
import Testing

/// The system layer's writes: whole, and never ended by `SIGPIPE`.
@Suite("The system layer: writes")
struct DescriptorWriteTests {
    /// A pipe's two ends.
    static func pipeEnds() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        return (ends[0], ends[1])
    }

    @Test("A write to a pipe nobody reads fails with EPIPE, with SIGPIPE at its default, and leaves no SIGPIPE pending")
    func brokenPipe() throws {
        let ends = try Self.pipeEnds()
        System.close(ends.read)
        defer { System.close(ends.write) }
        // The default disposition ends the process on SIGPIPE: were it not
        // held back on this thread, the test run would die here.
        let previous = signal(SIGPIPE, SIG_DFL)
        defer { signal(SIGPIPE, previous) }
        #expect(throws: SystemError.brokenPipe) { try System.writeAll(ends.write, UnsafeRawBufferPointer(start: [1, 2, 3], count: 3)) }
        var pending = sigset_t()
        sigpending(&pending)
        #expect(sigismember(&pending, SIGPIPE) == 0)
        var blocked = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &blocked)
        #expect(sigismember(&blocked, SIGPIPE) == 0, "the thread's signal mask is as it was")
    }

    @Test("writeAll writes more than a pipe holds, and fill reads it back whole")
    func wholeWrites() throws {
        let ends = try Self.pipeEnds()
        let bytes = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let writer = try #require(SystemThread.start {
            bytes.withUnsafeBytes { _ = try? System.writeAll(ends.write, $0) }
            System.close(ends.write)
        })
        var back = [UInt8](repeating: 0, count: bytes.count + 1)
        let count = try back.withUnsafeMutableBytes { buffer throws(SystemError) in try System.fill(ends.read, buffer) }
        writer.join()
        System.close(ends.read)
        #expect(count == bytes.count)
        #expect(Array(back[..<count]) == bytes)
    }
}
