import FeedbackSystem

/// Where the tool reads and writes: the process's streams, or buffers in
/// tests. Every text written, to standard output, to standard error or to a
/// file the tool writes, passes ``filter`` last.
package struct ToolIO {
    /// Standard input's file descriptor, read when the input file is `-`
    /// or omitted (0 for the process's own).
    package var standardInput: Int32
    /// Receives standard output, in order. A write that fails ends the
    /// command: it stops and exits ``Tool/outputFailed``.
    package var output: OutputSink
    /// Receives the lines of standard error, filtered.
    private let errorLine: (String) -> Void

    /// The run-wide secret filter every output applies last (standard
    /// output's, also used for standard error and the files written).
    package var filter: OutputFilter { output.filter }

    /// Creates an I/O set from its parts: `error` receives each line of
    /// standard error once it passed the filter.
    package init(standardInput: Int32, output: OutputSink, error: @escaping (String) -> Void) {
        self.standardInput = standardInput
        self.output = output
        errorLine = error
    }

    /// Writes `line` to standard error, after the filter. A failed write to
    /// standard error is ignored, never fatal.
    package func error(_ line: String) {
        errorLine(filter.apply(line))
    }

    /// The process's own streams: standard output buffered, every write
    /// checked; standard error unbuffered, failures ignored.
    package static var process: ToolIO {
        ToolIO(standardInput: 0, output: OutputSink(descriptor: 1),
               error: { line in _ = Array((line + "\n").utf8).withUnsafeBytes { try? System.writeAll(2, $0) } })
    }
}

/// A destination for the tool's results that says when it is gone: a
/// buffered file descriptor (one `write(2)` per 64 KiB, each checked), or a
/// closure in tests.
///
/// Every write passes ``filter`` last (the run's secrets cut out), so
/// write whole texts: a report, a line.
///
/// Once a write fails (the reader closed the pipe, the disk is full, the
/// descriptor is closed) every later write fails at once, and ``failure``
/// says why, so the tool can stop instead of working for nobody.
package final class OutputSink {
    private var buffer: [UInt8] = []
    private let descriptor: Int32?
    private let collect: (([UInt8]) -> Void)?
    /// Why writing failed (the system's words), or `nil`.
    package private(set) var failure: String?
    /// The run-wide secret filter, applied to each write.
    package let filter = OutputFilter()

    /// Writes to `descriptor` (1 for standard output), buffered.
    package init(descriptor: Int32) {
        self.descriptor = descriptor
        collect = nil
        buffer.reserveCapacity(1 << 16)
    }

    /// Hands every write to `collect`, unbuffered (for tests).
    package init(collect: @escaping ([UInt8]) -> Void) {
        descriptor = nil
        self.collect = collect
    }

    /// Appends `bytes`; `false` once the destination is gone.
    @discardableResult
    package func write(_ bytes: some Collection<UInt8>) -> Bool {
        guard failure == nil else { return false }
        guard !filter.isActive else { return writeOut(filter.apply(String(decoding: bytes, as: UTF8.self)).utf8) }
        return writeOut(bytes)
    }

    /// Appends `bytes` as they are (they passed the filter).
    private func writeOut(_ bytes: some Collection<UInt8>) -> Bool {
        if let collect {
            collect(Array(bytes))
            return true
        }
        // A large write goes out as it is, not through the buffer.
        if buffer.isEmpty, bytes.count >= 1 << 16,
            let error = bytes.withContiguousStorageIfAvailable({ Self.writeAll(descriptor!, UnsafeRawBufferPointer($0)) })
        {
            return record(error)
        }
        buffer.append(contentsOf: bytes)
        return buffer.count < 1 << 16 || flush()
    }

    /// Appends `text` in UTF-8; `false` once the destination is gone.
    @discardableResult
    package func write(_ text: String) -> Bool {
        guard failure == nil else { return false }
        return writeOut(filter.apply(text).utf8)
    }

    /// Writes out what is buffered; `false` when that failed.
    @discardableResult
    package func flush() -> Bool {
        guard failure == nil else { return false }
        guard let descriptor, !buffer.isEmpty else { return true }
        let error = buffer.withUnsafeBytes { Self.writeAll(descriptor, $0) }
        buffer.removeAll(keepingCapacity: true)
        return record(error)
    }

    /// Writes all of `bytes`: `nil`, or why a write failed.
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> SystemError? {
        do { try System.writeAll(descriptor, bytes) } catch { return error }
        return nil
    }

    /// Records the outcome of a write (why it failed, or `nil`): whether it went out.
    private func record(_ error: SystemError?) -> Bool {
        guard let error else { return true }
        failure = error.description
        buffer = []
        return false
    }
}
