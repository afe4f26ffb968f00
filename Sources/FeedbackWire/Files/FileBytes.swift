import FeedbackSystem

/// A small file's bytes, read whole up to a limit, through ``FeedbackSystem``
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
        let status: FileStatus
        do { status = try System.status(atPath: path) } catch {
            throw error == .noSuchFile || error == .notADirectory ? .missing : .unopenable(error.code)
        }
        guard status.kind != .directory else { throw .directory }
        let descriptor: Int32
        do { descriptor = try System.open(path, .read) } catch { throw .unopenable(error.code) }
        defer { System.close(descriptor) }
        let (capacity, overflow) = limit.addingReportingOverflow(1)
        precondition(limit >= 0 && !overflow, "a file's limit is a size")
        var bytes = [UInt8](repeating: 0, count: min(capacity, 1 << 16))
        var count = 0
        while count < capacity {
            if count == bytes.count { bytes += repeatElement(0, count: min(bytes.count, capacity - count)) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(SystemError) in try System.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...])) }
            }
            let got: Int
            do { got = try read.get() } catch { throw .unreadable(error.code) }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else { throw .tooLarge }
        bytes.removeSubrange(count...)
        return bytes
    }
}
