import FeedbackTestSupport
import Foundation
import Testing
@testable import FeedbackWire

/// `FileBytes`: a small file read whole, up to a limit, with the C library.
@Suite("A small file's bytes, read up to a limit")
struct FileBytesTests {
    @Test("A file at the limit is read whole; one byte more is too large")
    func limit() throws {
        let folder = try TemporaryFolder()
        let bytes = Array("[default]\naws_access_key_id = AKID\n".utf8)
        #expect(FileManager.default.createFile(atPath: folder.file("exact"), contents: Data(bytes)))
        #expect(try FileBytes.contents(of: folder.file("exact"), limit: bytes.count) == bytes)
        #expect(throws: FileBytes.Failure.tooLarge) { try FileBytes.contents(of: folder.file("exact"), limit: bytes.count - 1) }
    }

    @Test("More than one read's worth (64 KiB) arrives whole and in order")
    func large() throws {
        let folder = try TemporaryFolder()
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(FileManager.default.createFile(atPath: folder.file("large"), contents: Data(bytes)))
        #expect(try FileBytes.contents(of: folder.file("large"), limit: 1 << 20) == bytes)
    }

    @Test("Nothing there, a directory, a path through a file: told apart")
    func failures() throws {
        let folder = try TemporaryFolder()
        #expect(FileManager.default.createFile(atPath: folder.file("plain"), contents: Data()))
        #expect(throws: FileBytes.Failure.missing) { try FileBytes.contents(of: folder.file("absent"), limit: 10) }
        #expect(throws: FileBytes.Failure.missing) { try FileBytes.contents(of: folder.file("plain") + "/below", limit: 10) }
        #expect(throws: FileBytes.Failure.directory) { try FileBytes.contents(of: folder.path, limit: 10) }
        #expect(try FileBytes.contents(of: folder.file("plain"), limit: 0) == [])
    }
}
