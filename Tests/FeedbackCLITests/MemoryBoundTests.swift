import FeedbackTestSupport
import FeedbackProcessTestSupport
import Foundation
import Testing

/// The memory bound the README states: `lint` holds a few blocks of input
/// and the judged members' values of the body being read, whatever else
/// the input holds. Peak resident size of the real binary (`VmHWM`),
/// thresholds generous; no timing.
@Suite("lint's memory bound")
struct MemoryBoundTests {
    static let members = #""UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Valid""#

    /// Lints `file`, checking the run ended with `status`: its peak in MB.
    static func peakMegabytes(_ arguments: [String], file: TemporaryFile, status: Int32) throws -> Double {
        try #require(FileManager.default.isExecutableFile(atPath: ExecutableTests.executable.path), "build the package first (swift build)")
        let run = try CommandRun([ExecutableTests.executable.path, "lint", "--operation", "admin"] + arguments + [file.path],
                                 timeout: 300, stdout: .null)
        #expect(run.termination == .exited(status), "\(run.errorText)")
        return Double(try #require(run.peakKilobytes, "VmHWM of the running process")) / 1024
    }

    @Test("2,000,000 unknown keys (26 MB) in one body: flat, under 64 MB (each key used to cost memory: 290 MB)")
    func manyUnknownKeys() throws {
        var body = "{" + Self.members
        body.reserveCapacity(27 << 20)
        for index in 0..<2_000_000 { body += ",\"k\(index)\":0" }
        let file = try TemporaryFile(body + "}")
        #expect(try Self.peakMegabytes([], file: file, status: 0) < 64)
    }

    @Test("A 50 MB --jsonl line of padding: flat, under 64 MB (it used to be read whole, and copied: 175 MB)")
    func longPaddedLine() throws {
        let line = "{" + Self.members + ",\"Padding\":\"" + String(repeating: "p", count: 50 << 20) + "\"}\n"
        let file = try TemporaryFile(line + "{" + Self.members + "}\n")
        #expect(try Self.peakMegabytes(["--jsonl"], file: file, status: 0) < 64)
    }

    @Test("A 100 MB body of padding and nested values: flat, under 64 MB (it used to be read whole)")
    func hundredMegabyteBody() throws {
        var body = Data(("{" + Self.members + #","Padding":""#).utf8)
        body.append(Data(repeating: UInt8(ascii: "a"), count: 60 << 20))
        body.append(Data((#"","Nested":[0"# + String(repeating: ",0", count: 20 << 20) + "]}").utf8))
        let file = try TemporaryFile(body)
        #expect(try Self.peakMegabytes([], file: file, status: 0) < 64)
    }

    @Test("A 20 MB Username, the one thing kept: within 32 MB plus three times its size")
    func largeKeptValue() throws {
        let body = #"{"UserPoolId":"us-east-1_abc","Username":""# + String(repeating: "u", count: 20 << 20) + #"","EventId":"e1","FeedbackValue":"Valid"}"#
        let file = try TemporaryFile(body + "\n")
        for arguments in [[], ["--jsonl"]] {
            #expect(try Self.peakMegabytes(arguments, file: file, status: 1) < 32 + 3 * 20, "\(arguments)")
        }
    }
}
