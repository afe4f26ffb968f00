import Foundation
import FeedbackTestSupport
import FeedbackProcessTestSupport
import Testing

/// Input no one should send, and `lint`'s answer to each: a clear error with
/// exit status 2 when the input is unusable, else a correct verdict; in
/// bounded time and memory either way.
@Suite("lint under hostile input")
struct HostileInputTests {
    static let members = #""UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Valid""#

    @Test("A 10 MB member value is judged and never echoed when sensitive")
    func tenMegabyteMember() async throws {
        let huge = String(repeating: "b", count: 10 << 20)
        let body = #"{"UserPoolId":"us-east-1_abc","Username":""# + huge + #"","EventId":"e1","FeedbackValue":"Valid"}"#
        let run = try await ToolRun(["lint", "--operation", "admin"], stdin: Data(body.utf8))
        #expect(run.status == 1)
        #expect(run.output == "stdin: InvalidParameterException: Username length: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128\n")
    }

    @Test("Nesting 100,000 deep is refused as unusable, without exhausting the stack")
    func deepNesting() async throws {
        let body = "{\"Username\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let run = try await ToolRun(["lint", "--operation", "admin"], stdin: Data(body.utf8))
        #expect(run.status == 2)
        #expect(run.output == "stdin:1:524: error: nested more than 512 levels deep (at byte 523)\n")
    }

    @Test("A UTF-8 byte order mark is skipped; a raw NUL is not JSON; an escaped NUL is judged by the pattern")
    func byteOrderMarkAndNul() async throws {
        let bom = try await ToolRun(["lint", "--operation", "admin"], stdin: Data([0xEF, 0xBB, 0xBF]) + Data(("{" + Self.members + "}").utf8))
        #expect(bom.status == 0)
        let raw = try await ToolRun(["lint", "--operation", "admin"], stdin: Data(("{" + Self.members + "}").utf8) + Data([0]))
        #expect(raw.status == 2 && raw.output.hasPrefix("stdin:1:\(Self.members.count + 3): error: not valid JSON (at byte \(Self.members.count + 2)); a NUL byte"))
        let escaped = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e\u0000","FeedbackValue":"Valid"}"#
        let judged = try await ToolRun(["lint", "--operation", "admin"], stdin: Data(escaped.utf8))
        #expect(judged.status == 1)
        #expect(judged.output.contains("Value 'e\\u{0}' at 'eventId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+-]+"))
    }

    @Test("CRLF lines are judged like LF lines; invalid UTF-8 on one line spoils only that line")
    func crlfAndInvalidUTF8Lines() async throws {
        let valid = Data(("{" + Self.members + "}").utf8)
        let input = valid + Data("\r\n".utf8) + Data([0x7B, 0xC3, 0x28, 0x7D]) + Data("\r\n".utf8) + valid + Data("\r\n".utf8)
        let run = try await ToolRun(["lint", "--operation", "admin", "--jsonl"], stdin: input)
        #expect(run.status == 2)
        #expect(run.output == "stdin:1: valid\nstdin:2:2: error: not valid UTF-8 (at byte 1)\nstdin:3: valid\n")
    }

    @Test("A lone surrogate escape is refused as unusable: no Swift string can hold it (the lone-surrogates.* vectors allow that refusal)")
    func loneSurrogate() async throws {
        let body = #"{"UserPoolId":"us-east-1_abc","Username":"\ud800","EventId":"e1","FeedbackValue":"Valid"}"#
        let run = try await ToolRun(["lint", "--operation", "admin"], stdin: Data(body.utf8))
        #expect(run.status == 2)
        #expect(run.output.hasPrefix("stdin:1:43: error: a lone UTF-16 surrogate escape, which cannot be judged here (at byte 42)"))
    }

    @Test("An empty file and a file that opens but cannot be read exit 2 with a reason", arguments: [
        ("empty", "empty"), ("/proc/self/mem", "cannot be read (Input/output error)"),
    ])
    func emptyAndUnreadable(_ path: String, _ reason: String) async throws {
        let empty = try TemporaryFile(Data())
        let file = path == "empty" ? empty.path : path
        for jsonl in [false, true] {
            let run = try await ToolRun(["lint", "--operation", "admin", file] + (jsonl ? ["--jsonl"] : []))
            if jsonl && path == "empty" {
                #expect(run.status == 0 && run.output.isEmpty, "an empty JSONL file has no lines to judge")
            } else {
                #expect(run.status == 2)
                #expect(run.output.hasPrefix(file) && run.output.hasSuffix(reason + "\n"), "\(run.output)")
            }
        }
    }

    @Test("FeedbackToken sent to the Admin operation is an unknown member: a lone surrogate there is ignored, as in any unknown member")
    func adminFeedbackToken() async throws {
        let body = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackToken":"\udc00","FeedbackValue":"Valid"}"#
        for arguments in [["lint", "--operation", "admin"], ["lint", "--operation", "admin", "--jsonl"]] {
            let run = try await ToolRun(arguments, stdin: Data(body.utf8))
            #expect(run.status == 0, "\(arguments)")
        }
        // For UpdateAuthEventFeedback it is a member, judged: no Swift string holds it.
        let update = try await ToolRun(["lint", "--operation", "update"], stdin: Data(body.utf8))
        #expect(update.status == 2 && update.output.contains("a lone UTF-16 surrogate escape"))
    }

    @Test("/dev/zero is refused at its first byte, in both modes, instead of being read forever", arguments: [false, true])
    func endlessZeros(jsonl: Bool) throws {
        try #require(FileManager.default.isExecutableFile(atPath: ExecutableTests.executable.path), "build the package first (swift build)")
        let run = try CommandRun([ExecutableTests.executable.path, "lint", "--operation", "update", "/dev/zero"] + (jsonl ? ["--jsonl"] : []),
                                 timeout: 60)
        #expect(run.termination == .exited(2), "it ended on its own")
        #expect(run.outputText == "/dev/zero:1:1: error: not valid JSON (at byte 0); a NUL byte: binary input, read no further\n")
        #expect((run.peakKilobytes ?? 0) < 64 * 1024)
    }

    @Test("An endless stream without a line feed, refused at its first byte under --jsonl, is given up on after 256 MiB")
    func endlessLineGivenUp() throws {
        try #require(FileManager.default.isExecutableFile(atPath: ExecutableTests.executable.path), "build the package first (swift build)")
        let run = try CommandRun(["sh", "-c", "yes x | tr -d '\\n' | '\(ExecutableTests.executable.path)' lint --operation update --jsonl"],
                                 timeout: 120)
        #expect(run.termination == .exited(2), "it ended on its own")
        #expect(run.outputText == "stdin:1:1: error: not valid JSON (at byte 0)\nstdin:1: error: no end of line within 256 MiB: the rest of the input is not read\n")
    }
}
