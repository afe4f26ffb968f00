import Foundation
import FeedbackTestSupport
import Testing

/// Input no one should send, and `lint`'s answer to each: a clear error with
/// exit status 2 when the input is unusable, else a correct verdict; in
/// bounded time and memory either way.
@Suite("lint under hostile input")
struct HostileInputTests {
    static let members = #""UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Valid""#

    @Test("A 100 MB body of padding members is judged, keeping only the members' values")
    func hundredMegabyteBody() async throws {
        var body = Data(("{" + Self.members + #","Padding":""#).utf8)
        body.append(Data(repeating: UInt8(ascii: "a"), count: 60 << 20))
        body.append(Data((#"","Nested":[0"# + String(repeating: ",0", count: 20 << 20) + "]}").utf8))
        #expect(body.count > 100 << 20)
        let file = try TemporaryFile(body)
        let run = try await ToolRun(["lint", "--operation", "admin", file.path])
        #expect(run.status == 0)
        #expect(run.output == "\(file.path): valid\n")
    }

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
        #expect(run.error == ["cognito-feedback: error: stdin: nested more than 512 levels deep (at byte 523)"])
    }

    @Test("A UTF-8 byte order mark is skipped; a raw NUL is not JSON; an escaped NUL is judged by the pattern")
    func byteOrderMarkAndNul() async throws {
        let bom = try await ToolRun(["lint", "--operation", "admin"], stdin: Data([0xEF, 0xBB, 0xBF]) + Data(("{" + Self.members + "}").utf8))
        #expect(bom.status == 0)
        let raw = try await ToolRun(["lint", "--operation", "admin"], stdin: Data(("{" + Self.members + "}").utf8) + Data([0]))
        #expect(raw.status == 2 && raw.error.count == 1 && raw.error[0].hasPrefix("cognito-feedback: error: stdin: not valid JSON (at byte "))
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
        #expect(run.output == "stdin:1: valid\nstdin:2: error: not valid UTF-8 (at byte 1)\nstdin:3: valid\n")
    }

    @Test("A lone surrogate escape is refused as unusable: no Swift string can hold it (the lone-surrogates.* vectors allow that refusal)")
    func loneSurrogate() async throws {
        let body = #"{"UserPoolId":"us-east-1_abc","Username":"\ud800","EventId":"e1","FeedbackValue":"Valid"}"#
        let run = try await ToolRun(["lint", "--operation", "admin"], stdin: Data(body.utf8))
        #expect(run.status == 2)
        #expect(run.error.count == 1 && run.error[0].hasPrefix("cognito-feedback: error: stdin: a lone UTF-16 surrogate escape, which cannot be judged here (at byte "))
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
                #expect(run.error.count == 1 && run.error[0].hasSuffix(reason))
            }
        }
    }
}
