import Foundation

/// The file a report goes to (`--output`): checked before the run, written
/// in full to a temporary file beside it, then renamed over it.
///
/// So a run that cannot write its report fails at once, not after ten
/// minutes of cases; a failed write leaves the previous report as it was
/// (never a truncated one); and a symbolic link at the path is replaced,
/// not followed.
struct ReportFile {
    /// The path as given.
    let path: String
    private let temporary: String
    private let descriptor: Int32

    /// Creates the temporary file beside `path` (exclusively, never
    /// following a link).
    /// - Throws: a usage error naming `path` and the system's reason.
    init(path: String) throws(UsageError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UsageError("cannot write the report to \(path): it is a directory")
        }
        let folder = url.deletingLastPathComponent().path
        temporary = folder + "/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw UsageError("cannot write the report to \(path) (\(String(cString: strerror(errno))))")
        }
    }

    /// Writes `text` and puts it in place.
    /// - Throws: a message with the system's reason; the previous file at
    ///   the path is then unchanged.
    func commit(_ text: String) throws(UsageError) {
        var failure: Int32?
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count && failure == nil {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { failure = written < 0 ? errno : EIO }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if failure == nil && rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw UsageError("cannot write the report to \(path) (\(String(cString: strerror(failure))))")
        }
    }

    /// Removes the temporary file (the run did not get to a report).
    func abandon() {
        close(descriptor)
        unlink(temporary)
    }
}
