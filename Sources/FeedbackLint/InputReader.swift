import FeedbackSystem

/// Reads an input with `read(2)` (``System/fill(_:_:)``), so a failing read (`EIO`, a file that
/// opens but cannot be read) is an error to report, where `FileHandle`'s
/// `readDataToEndOfFile()` traps.
struct InputReader {
    let descriptor: Int32

    /// Reads from `descriptor`.
    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Reads into `buffer` until it is full or the input ends: the number
    /// of bytes read (fewer than `buffer.count` only at the end).
    func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) throws(InputError) -> Int {
        do { return try System.fill(descriptor, UnsafeMutableRawBufferPointer(buffer)) } catch {
            throw InputError(code: error.code)
        }
    }
}

/// A read that failed; says why, in the system's words.
struct InputError: Error, CustomStringConvertible {
    let code: Int32
    var description: String { "cannot be read (\(SystemError(code)))" }
}
