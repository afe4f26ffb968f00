import FeedbackTestSupport
import FeedbackProcessTestSupport
import Foundation
import Testing
@testable import FeedbackCLI

/// `--output`, `--record` and `conform matrix --output` never damage what
/// the path names: files are replaced, links followed, devices, FIFOs and
/// descriptors written in place. Every node is private, made in a
/// temporary folder; no test touches a system one.
@Suite("Output files")
struct OutputFileTests {
    /// Devices can be made (as root, as the CI runs); when not root, the
    /// device tests are skipped with this reason, and as root a refused
    /// `mknod` fails them.
    static let mayMakeDevices = getuid() == 0

    /// A private character device like `/dev/null` (1, 3) or `/dev/full`
    /// (1, 7), named `name`, alone in a new temporary folder.
    static func device(_ name: String, minor: UInt32) throws -> (folder: TemporaryFolder, path: String) {
        let folder = try TemporaryFolder()
        let path = folder.file(name)
        let made = mknod(path, S_IFCHR | 0o600, number(minor)) == 0
        let reason = made ? "" : String(cString: strerror(errno))
        try #require(made, "mknod \(path) failed as root: \(reason)")
        return (folder, path)
    }

    /// `makedev(1, minor)`, for a minor below 256.
    static func number(_ minor: UInt32) -> dev_t { dev_t(1 << 8 | minor) }

    /// Whether `path` is still the character device (1, `minor`).
    static func isDevice(_ path: String, minor: UInt32) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR && info.st_rdev == number(minor)
    }

    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    static func contents(_ path: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
    }

    static func listing(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static func write(_ text: String, to path: String, what: String = "the report") throws(UsageError) {
        try OutputFile(path: path, what: what, filter: OutputFilter()).commit(text)
    }

    @Test("A missing file is created, a regular one replaced keeping its permissions, and no temporary file is left")
    func regularFiles() throws {
        let folder = try TemporaryFolder()
        let report = folder.file("report.json")
        try Self.write("first", to: report)
        #expect(Self.contents(report) == "first")
        #expect(chmod(report, 0o600) == 0)
        // Root may give the file away: its owner is kept too (as another user, only the permissions).
        let owner: uid_t = getuid() == 0 ? 4321 : getuid()
        #expect(chown(report, owner, getgid()) == 0)
        try Self.write("second", to: report)
        #expect(Self.contents(report) == "second")
        var info = stat()
        #expect(stat(report, &info) == 0 && info.st_mode & 0o7777 == 0o600 && info.st_uid == owner)
        #expect(Self.listing(folder.path) == ["report.json"])
        #expect(throws: UsageError.self) { try Self.write("x", to: "") }
    }

    @Test("A symbolic link to a file in another folder is followed: the target is written, the link stays")
    func linkToAnotherFolder() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("reports"), withIntermediateDirectories: false)
        let dated = folder.file("reports/2026-12-07.json")
        try Data("old".utf8).write(to: URL(fileURLWithPath: dated))
        let latest = folder.file("latest.json")
        #expect(symlink("reports/2026-12-07.json", latest) == 0)
        try Self.write("new", to: latest)
        #expect(Self.kind(latest) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: latest) == "reports/2026-12-07.json")
        #expect(Self.contents(dated) == "new")
        #expect(Self.listing(folder.path) == ["latest.json", "reports"])
        #expect(Self.listing(folder.file("reports")) == ["2026-12-07.json"])
    }

    @Test("A chain of links (relative to each link's own folder, and absolute) is followed to its end; every link stays")
    func linkChain() throws {
        let folder = try TemporaryFolder()
        for name in ["a", "b", "c"] {
            try FileManager.default.createDirectory(atPath: folder.file(name), withIntermediateDirectories: false)
        }
        let target = folder.file("c/target.txt")
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        #expect(symlink(target, folder.file("b/second")) == 0)        // absolute
        #expect(symlink("../b/second", folder.file("a/first")) == 0)  // relative to a/, not to the working folder
        try Self.write("through the chain", to: folder.file("a/first"))
        #expect(Self.contents(target) == "through the chain")
        #expect(Self.kind(folder.file("a/first")) == S_IFLNK && Self.kind(folder.file("b/second")) == S_IFLNK)
        #expect(Self.listing(folder.file("a")) == ["first"] && Self.listing(folder.file("b")) == ["second"])
        #expect(Self.listing(folder.file("c")) == ["target.txt"])
    }

    @Test("A dangling link gets its target created, as '>' does; the link stays")
    func danglingLink() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("reports"), withIntermediateDirectories: false)
        let link = folder.file("latest.json")
        #expect(symlink("reports/new.json", link) == 0)
        try Self.write("created", to: link)
        #expect(Self.kind(link) == S_IFLNK)
        #expect(Self.contents(folder.file("reports/new.json")) == "created")
        #expect(Self.listing(folder.file("reports")) == ["new.json"])
    }

    @Test("A loop of links is an error naming the path; nothing is written")
    func linkLoop() throws {
        let folder = try TemporaryFolder()
        #expect(symlink("b", folder.file("a")) == 0 && symlink("a", folder.file("b")) == 0)
        let path = folder.file("a")
        #expect(throws: UsageError.self) { try Self.write("x", to: path) }
        do { try Self.write("x", to: path) } catch {
            #expect(error.message == "cannot write the report to \(path) (Too many levels of symbolic links)")
        }
        #expect(Self.listing(folder.path) == ["a", "b"])
    }

    @Test("A directory is a clear error, and is left as it was")
    func directory() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: false)
        do {
            try Self.write("x", to: folder.file("out"))
            Issue.record("a directory was written to")
        } catch {
            #expect(error.message == "cannot write the report to \(folder.file("out")): it is a directory")
        }
        #expect(Self.kind(folder.file("out")) == S_IFDIR && Self.listing(folder.file("out")).isEmpty)
    }

    @Test("A character device like /dev/null is written in place and stays that device",
          .enabled(if: mayMakeDevices, "not root: making a device node (mknod) needs CAP_MKNOD"))
    func nullDevice() throws {
        let (folder, null) = try Self.device("null", minor: 3)
        try Self.write(String(repeating: "report line\n", count: 10_000), to: null)
        #expect(Self.isDevice(null, minor: 3) && Self.listing(folder.path) == ["null"])
    }

    @Test("A device like /dev/full fails with ENOSPC naming the path (not the contents), and stays that device",
          .enabled(if: mayMakeDevices, "not root: making a device node (mknod) needs CAP_MKNOD"))
    func fullDevice() throws {
        let (folder, full) = try Self.device("full", minor: 7)
        do {
            try Self.write("the report's text", to: full)
            Issue.record("a write to a full device succeeded")
        } catch {
            #expect(error.message == "cannot write the report to \(full) (No space left on device)")
        }
        let recording = try OutputFile(path: full, what: "the recording", filter: OutputFilter())
        #expect(!recording.append("a line\n"), "the first append already fails")
        #expect(throws: UsageError.self) { try recording.commit() }
        #expect(Self.isDevice(full, minor: 7) && Self.listing(folder.path) == ["full"])
    }

    @Test("conform matrix --output to a full device exits 3 with one line naming the path; a link to a file is followed",
          .enabled(if: mayMakeDevices, "not root: making a device node (mknod) needs CAP_MKNOD"))
    func matrixOutput() async throws {
        let (folder, full) = try Self.device("full", minor: 7)
        let report = ConformCommandTests.root.appendingPathComponent("Conformance/reports/botocore.json").path
        let failed = try await ToolRun(["conform", "matrix", "--output", full, report])
        #expect(failed.status == 3)
        #expect(failed.error == ["cognito-feedback: error: cannot write the matrix to \(full) (No space left on device)"])
        #expect(Self.isDevice(full, minor: 7))
        #expect(symlink("matrix.md", folder.file("latest.md")) == 0)
        let linked = try await ToolRun(["conform", "matrix", "--output", folder.file("latest.md"), report])
        #expect(linked.status == 0 && linked.error.isEmpty)
        #expect(Self.kind(folder.file("latest.md")) == S_IFLNK)
        #expect(Self.contents(folder.file("matrix.md"))?.contains("| **service** |") == true)
    }

    @Test("The tool: --record to a full device exits 3 naming the recording; --output /dev/fd/1 writes through the tool's standard output (never /dev/stdout itself: a broken writer would replace that system link)",
          .enabled(if: mayMakeDevices, "not root: making a device node (mknod) needs CAP_MKNOD"))
    func serverRunOutputs() throws {
        let tool = ExecutableTests.executable.path
        try #require(FileManager.default.isExecutableFile(atPath: tool), "build the package first (swift build)")
        let (folder, full) = try Self.device("full", minor: 7)
        let server = try ServerProcess.cognitoLike()
        defer { server.stop() }
        let run = ["conform", "server", "--endpoint", server.endpoint.absoluteString, "--quiet", "--id", "baseline.typical.*"]
        let recorded = try CommandRun([tool] + run + ["--record", full], timeout: 60)
        #expect(recorded.status == 3)
        #expect(recorded.errorText == "cognito-feedback: error: cannot write the recording to \(full) (No space left on device)\n")
        #expect(Self.isDevice(full, minor: 7) && Self.listing(folder.path) == ["full"])
        let shown = try CommandRun([tool] + run + ["--format", "json", "--output", "/dev/fd/1"], timeout: 60)
        #expect(shown.status == 0 && shown.errorText.isEmpty)
        let lines = shown.outputText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(shown.outputText.hasPrefix("{") && lines.dropLast().last?.hasSuffix("; report in /dev/fd/1") == true,
                "the report, then the summary: \(shown.outputText.suffix(200))")
    }

    @Test("A FIFO is written in place: its reader gets every byte, and it stays a FIFO")
    func fifo() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader opens first (without waiting for a writer), so the writer's open does not wait either.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        try #require(reader >= 0)
        defer { close(reader) }
        let output = try OutputFile(path: fifo, filter: OutputFilter())
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            received.bytes = Self.readToEnd(reader, seconds: 10)
            done.signal()
        }
        thread.start()
        // Four times a pipe's buffer: the writer must wait for the reader, and resume short writes.
        let text = String(repeating: "0123456789abcdef", count: 16_384)
        try output.commit(text)
        #expect(done.wait(timeout: .now() + 15) == .success)
        // Compared whole, without a diff of 262,144 bytes on failure.
        #expect(received.bytes.count == text.utf8.count && received.bytes.elementsEqual(text.utf8), "the reader got \(received.bytes.count) bytes")
        #expect(Self.kind(fifo) == S_IFIFO && Self.listing(folder.path) == ["pipe"])
    }

    /// What a reader thread received.
    final class Received: @unchecked Sendable { var bytes: [UInt8] = [] }

    /// Reads `descriptor` (non-blocking) until its end, or `seconds` pass.
    static func readToEnd(_ descriptor: Int32, seconds: Double) -> [UInt8] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while ContinuousClock.now < deadline {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += chunk[..<count]
            } else if count == 0 {
                return bytes
            } else if errno == EAGAIN || errno == EINTR {
                var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&ready, 1, 100)
            } else {
                return bytes
            }
        }
        return bytes
    }

    @Test("/dev/fd/N and /proc/self/fd/N write through that descriptor (a pipe here), which stays open",
          arguments: ["/dev/fd/", "/proc/self/fd/"])
    func ownDescriptor(prefix: String) throws {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        try Self.write("through the pipe\n", to: prefix + "\(ends[1])")
        #expect(fcntl(ends[1], F_GETFD) >= 0, "the descriptor named is still open")
        close(ends[1])
        #expect(Self.readToEnd(ends[0], seconds: 5) == Array("through the pipe\n".utf8))
    }
}
