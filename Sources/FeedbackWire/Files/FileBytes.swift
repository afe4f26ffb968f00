#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small file's bytes, read whole up to a limit, with the C library only
/// (no Foundation: the tool links FoundationEssentials, which has no
/// `FileHandle`). Symbolic links are followed; a FIFO or device is read
/// as it is, never written or replaced.
package enum FileBytes {
    /// Why a file could not be read.
    package enum Failure: Error, Equatable {
        /// Nothing is at the path.
        case missing
        /// The path names a directory.
        case directory
        /// It exists but cannot be opened (`errno`).
        case unopenable(Int32)
        /// It opened but a read failed (`errno`).
        case unreadable(Int32)
        /// It holds more than the limit.
        case tooLarge
    }

    /// The bytes of the file at `path`: at most `limit`, else `.tooLarge`.
    package static func contents(of path: String, limit: Int) throws(Failure) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw errno == ENOENT || errno == ENOTDIR ? .missing : .unopenable(errno) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .directory }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unopenable(errno) }
        defer { close(descriptor) }
        let (capacity, overflow) = limit.addingReportingOverflow(1)
        precondition(limit >= 0 && !overflow, "a file's limit is a size")
        var bytes = [UInt8](repeating: 0, count: min(capacity, 1 << 16))
        var count = 0
        while count < capacity {
            if count == bytes.count { bytes += repeatElement(0, count: min(bytes.count, capacity - count)) }
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got > 0 {
                count += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                throw .unreadable(errno)
            }
        }
        guard count <= limit else { throw .tooLarge }
        bytes.removeSubrange(count...)
        return bytes
    }
}
