import Foundation

/// Where the tool reads and writes: the process's streams, or buffers in tests.
public struct ToolIO {
    /// Standard input, read when the input file is `-` or omitted.
    public var standardInput: FileHandle
    /// Receives standard output, in order.
    public var output: (String) -> Void
    /// Receives standard error, in order; each call is one line.
    public var error: (String) -> Void

    /// Creates an I/O set from its parts.
    public init(standardInput: FileHandle, output: @escaping (String) -> Void, error: @escaping (String) -> Void) {
        self.standardInput = standardInput
        self.output = output
        self.error = error
    }
}

/// A buffered writer to a file descriptor: bulk output costs one write per
/// 64 KiB, not one per line.
public final class BufferedWriter {
    private var buffer: [UInt8] = []
    private let descriptor: Int32

    /// Writes to `descriptor` (1 for standard output).
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends `text`, flushing when the buffer is full.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out what is buffered. A closed stream drops the rest silently.
    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
