import FeedbackSystem

/// A file the user names for output (`--output`, `--record`): opened
/// before the run, so a run that cannot write fails at once, and written
/// as `>`, `cp`, `curl -o` and `tee` write, never damaging what is there.
///
/// What the path names decides how it is written:
/// - **nothing, or a regular file**: a temporary file beside it receives
///   the bytes and is renamed over it at ``commit(_:)`` (keeping the old
///   file's owner, when this process may give it, and permissions; a file
///   `>` could not write is refused), so a failed run leaves the previous
///   file whole and a run that dies leaves what it wrote in the temporary
///   file;
/// - **a symbolic link** (or a chain of them): followed to its final
///   target, a relative one read from the link's folder, and the target is
///   written by these same rules; the link stays. A dangling link gets its
///   target created, as `>` does;
/// - **a descriptor of this process** (`/dev/stdout`, `/dev/stderr`,
///   `/dev/fd/N`, `/proc/self/fd/N`): written through a duplicate of that
///   descriptor, as the shell opened it (a pipe, a terminal, a file opened
///   for appending);
/// - **anything else** (a character or block device, a FIFO, a socket):
///   opened and written in place, never truncated nor renamed over; a FIFO
///   waits for its reader, as `>` does;
/// - **a directory**: an error.
///
/// Every text written passes the run's ``OutputFilter`` last, as every
/// other output of the tool does.
///
/// Every write is checked (`System.writeAll(_:_:socket:)`): a short write is resumed,
/// an interrupted one retried, and any other failure (`ENOSPC` on a full
/// disk or `/dev/full`) makes ``commit(_:)`` throw, naming the path.
final class OutputFile {
    /// The path as given.
    let path: String
    /// What it holds, for messages: `the report`, `the recording`.
    let what: String
    /// The temporary file renamed over ``path``'s final target at the end;
    /// `nil` when the target is written in place.
    private let replacement: (temporary: String, target: String)?
    private var descriptor: Int32
    /// The `errno` of the first failed write.
    private var failure: Int32?
    /// The run-wide secret filter, applied to each text written.
    private let filter: OutputFilter

    /// Opens `path` for `what` (named in messages), as described above,
    /// written through `filter`.
    /// - Throws: a usage error naming `path` and the system's reason.
    init(path: String, what: String = "the report", filter: OutputFilter) throws(UsageError) {
        self.path = path
        self.what = what
        self.filter = filter
        func failed(_ code: Int32) -> UsageError {
            UsageError("cannot write \(what) to \(path) (\(SystemError(code)))")
        }
        let target: Target
        do { target = try Target(resolving: path) } catch { throw failed(error.code) }
        let opened: Result<Int32, SystemError>
        switch target {
        case .directory:
            throw UsageError("cannot write \(what) to \(path): it is a directory")
        case .descriptor(let own):
            opened = Result { () throws(SystemError) in try System.duplicate(own) }
            replacement = nil
        case .node(let node):
            opened = Result { () throws(SystemError) in try System.open(node, .write) }
            replacement = nil
        case .file(let file, let existing):
            // A file `>` could not write is not replaced either.
            if existing != nil {
                do { try System.checkWritable(file) } catch { throw failed(error.code) }
            }
            let name = file.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? file
            let temporary = Target.folder(of: file) + "/.\(name).\(System.processID).\(UInt32.random(in: 0...UInt32.max)).tmp"
            opened = Result { () throws(SystemError) in try System.open(temporary, .createNew, permissions: 0o666) }
            if case .success(let descriptor) = opened, let existing {
                // The replacement keeps the file's owner (when this process may give it) and permissions.
                System.setOwnership(descriptor, owner: existing.owner, group: existing.group, permissions: existing.mode)
            }
            replacement = (temporary, file)
        }
        switch opened {
        case .success(let opened): descriptor = opened
        case .failure(let error): throw failed(error.code)
        }
    }

    deinit { abandon() }

    /// Writes `text` (whole lines, or the whole document), after the
    /// filter, to the temporary file or in place; `false` once a write
    /// failed (``commit(_:)`` then says why).
    @discardableResult
    func append(_ text: String) -> Bool {
        guard failure == nil, descriptor >= 0 else { return false }
        var bytes = filter.apply(text)
        let written = bytes.withUTF8 { text in Result { () throws(SystemError) in try System.writeAll(descriptor, UnsafeRawBufferPointer(text)) } }
        if case .failure(let error) = written { failure = error.code }
        return failure == nil
    }

    /// Writes `text`, then closes the file and puts it in place.
    /// - Throws: a message naming the path with the system's reason; a
    ///   replaced file is then as it was.
    func commit(_ text: String = "") throws(UsageError) {
        if !text.isEmpty { append(text) }
        var failure = failure ?? (descriptor < 0 ? SystemError.badDescriptor.code : nil)
        if failure == nil, replacement != nil {
            do { try System.sync(descriptor) } catch { failure = error.code }
        }
        if descriptor >= 0, let closing = System.close(descriptor), failure == nil { failure = closing.code }
        descriptor = -1
        if let replacement {
            if failure == nil {
                do { try System.rename(replacement.temporary, over: replacement.target) } catch { failure = error.code }
            }
            if failure != nil { System.remove(replacement.temporary) }
        }
        if let failure {
            throw UsageError("cannot write \(what) to \(path) (\(SystemError(failure)))")
        }
    }

    /// Closes the file without putting it in place: a temporary file is
    /// removed, a target written in place keeps what it got. Idempotent.
    func abandon() {
        guard descriptor >= 0 else { return }
        System.close(descriptor)
        descriptor = -1
        if let replacement { System.remove(replacement.temporary) }
    }

    /// What a path comes to once its links are followed.
    enum Target: Equatable {
        /// Nothing yet, or a regular file (its owner and permission bits):
        /// replaced by a rename.
        case file(String, existing: Ownership?)
        /// A descriptor this process holds (`/dev/fd/N`).
        case descriptor(Int32)
        /// A device, a FIFO or a socket: written in place.
        case node(String)
        /// A directory.
        case directory

        /// Follows `path`'s symbolic links (at most 40, as the kernel does).
        /// - Throws: the `errno` of a path that cannot be looked at, or
        ///   `ELOOP`.
        init(resolving path: String) throws(Failure) {
            guard !path.isEmpty else { throw Failure(SystemError.noSuchFile.code) }
            var current = path
            for _ in 0..<40 {
                let info: FileStatus
                do { info = try System.status(atPath: current, followingLinks: false) } catch {
                    if error == .noSuchFile { self = .file(current, existing: nil); return }
                    throw Failure(error.code)
                }
                switch info.kind {
                case .regular:
                    self = .file(current, existing: Ownership(owner: info.owner, group: info.group, mode: info.permissions))
                    return
                case .directory: self = .directory; return
                case .symbolicLink:
                    switch Self.processDescriptor(current) {
                    case .own(let descriptor): self = .descriptor(descriptor); return
                    case .other: self = .node(current); return
                    case nil: break
                    }
                    let link: String
                    do { link = try System.linkTarget(current) } catch { throw Failure(error.code) }
                    current = link.hasPrefix("/") ? link : Self.folder(of: current) + "/" + link
                case .other: self = .node(current); return
                }
            }
            throw Failure(SystemError.tooManyLinks.code)
        }

        /// The folder a path's last component is in (`.` for a bare name).
        static func folder(of path: String) -> String {
            guard let slash = path.lastIndex(of: "/") else { return "." }
            return slash == path.startIndex ? "/" : String(path[..<slash])
        }

        /// What a link in a process's descriptor folder (`/proc/<pid>/fd`,
        /// however reached: `/dev/fd/N`, `/proc/self/fd/N`) stands for: one
        /// of this process's descriptors, or another process's (opened in
        /// place: its target's name is not a path); `nil` for any other link.
        static func processDescriptor(_ link: String) -> ProcessDescriptor? {
            guard let folder = System.resolvedPath(Self.folder(of: link)) else { return nil }
            guard folder.hasPrefix("/proc/"), folder.hasSuffix("/fd") else { return nil }
            let name = link.split(separator: "/").last.map(String.init) ?? ""
            if folder == "/proc/\(System.processID)/fd", let number = Int32(name), number >= 0 { return .own(number) }
            return .other
        }

        /// A regular file's owner, group and permission bits.
        struct Ownership: Equatable {
            let owner: UInt32
            let group: UInt32
            let mode: UInt32
        }

        /// A link in a descriptor folder.
        enum ProcessDescriptor {
            /// This process's descriptor.
            case own(Int32)
            /// Another process's (or thread's).
            case other
        }
    }

    /// A system call's `errno`.
    struct Failure: Error {
        let code: Int32
        init(_ code: Int32) { self.code = code }
    }
}
