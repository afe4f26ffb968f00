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

    /// Appends up to `count` bytes to `buffer`; `false` at the end of input.
    func read(upTo count: Int, into buffer: inout [UInt8]) throws(InputError) -> Bool {
        while true {
            var got = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: count) { raw, initialized in
                got = readDescriptor(descriptor, raw.baseAddress, count)
                initialized = max(got, 0)
            }
            if got >= 0 {
                buffer.append(contentsOf: chunk)
                return got > 0
            }
            if errno != EINTR { throw InputError(code: errno) }
        }
    }

    /// Everything up to the end of input; room for a regular file's bytes
    /// is taken at once, so a large file costs its size, not twice that.
    func readAll() throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG { bytes.reserveCapacity(Int(status.st_size) + 1) }
        while try read(upTo: 1 << 20, into: &bytes) {}
        return bytes
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
