#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file a report (`--output`) or a recording (`--record`) goes to:
/// checked before the run, written to a temporary file beside it (a
/// recording line by line, as the run goes), then renamed over it.
///
/// So a run that cannot write its report fails at once, not after ten
/// minutes of cases; a failed write leaves the previous file as it was
/// (never a truncated one); a run that dies leaves what it recorded in the
/// temporary file; and a symbolic link at the path is replaced, not
/// followed.
struct ReportFile {
    /// The path as given.
    let path: String
    /// What it holds, for messages: `the report`, `the recording`.
    let what: String
    private let temporary: String
    private let descriptor: Int32

    /// Creates the temporary file beside `path` (exclusively, never
    /// following a link), for `what` (named in messages).
    /// - Throws: a usage error naming `path` and the system's reason.
    init(path: String, what: String = "the report") throws(UsageError) {
        self.path = path
        self.what = what
        let url = URL(fileURLWithPath: path)
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw UsageError("cannot write \(what) to \(path): it is a directory")
        }
        let folder = url.deletingLastPathComponent().path
        temporary = folder + "/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw UsageError("cannot write \(what) to \(path) (\(String(cString: strerror(errno))))")
        }
    }

    /// Appends `bytes` to the temporary file; the `errno` of a failed
    /// write, or `nil`.
    func append(_ bytes: [UInt8]) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return written < 0 ? errno : EIO }
        }
        return nil
    }

    /// Writes `text` and puts the file in place.
    /// - Throws: a message with the system's reason; the previous file at
    ///   the path is then unchanged.
    func commit(_ text: String = "") throws(UsageError) {
        var failure = append(Array(text.utf8))
        if failure == nil && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if failure == nil && rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw UsageError("cannot write \(what) to \(path) (\(String(cString: strerror(failure))))")
        }
    }

    /// Removes the temporary file (the run did not get to a report).
    func abandon() {
        close(descriptor)
        unlink(temporary)
    }
}
