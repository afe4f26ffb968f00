#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input with `read(2)`, so a failing read (`EIO`, a file that
/// opens but cannot be read) is an error to report, where `FileHandle`'s
/// `readDataToEndOfFile()` traps.
struct InputReader {
    let descriptor: Int32

    /// Reads from `descriptor`.
    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Reads into `buffer` until it is full or the input ends: the number
    /// of bytes read (fewer than `buffer.count` only at the end).
    func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) throws(InputError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = readDescriptor(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if got > 0 {
                filled += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                throw InputError(code: errno)
            }
        }
        return filled
    }
}

/// A read that failed; says why, in the system's words.
struct InputError: Error, CustomStringConvertible {
    let code: Int32
    var description: String { "cannot be read (\(String(cString: strerror(code))))" }
}

/// `read(2)`, under a name no method shadows.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
