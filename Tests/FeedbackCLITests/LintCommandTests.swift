import FeedbackCLI
import Foundation
import FeedbackTestSupport
import Testing

@Suite("cognito-feedback lint")
struct LintCommandTests {
    static let valid = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Valid"}"#
    static let invalid = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"valid"}"#

    @Test("A valid body exits 0 and says so")
    func validBody() async throws {
        let file = try TemporaryFile(Self.valid)
        let run = try await ToolRun(["lint", "--operation", "AdminUpdateAuthEventFeedback", file.path])
        #expect(run.status == 0)
        #expect(run.output == "\(file.path): valid\n")
    }

    @Test("An invalid body exits 1 with one text line per violation")
    func invalidBodyText() async throws {
        let run = try await ToolRun(["lint", "--operation", "admin"], stdin: Data(#"{"UserPoolId":"","EventId":"e1","FeedbackValue":"valid"}"#.utf8))
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 4)  // pool ID length + pattern, Username required, FeedbackValue enum
        #expect(lines.allSatisfy { $0.hasPrefix("stdin: InvalidParameterException: ") })
        #expect(lines.contains("stdin: InvalidParameterException: Username required: Value null at 'username' failed to satisfy constraint: Member must not be null"))
    }

    @Test("--format json prints valid, errorType, the exact aggregate message and each violation")
    func jsonFormat() async throws {
        let run = try await ToolRun(["lint", "--operation", "admin", "--format", "json", "-"], stdin: Data(Self.invalid.utf8))
        #expect(run.status == 1)
        let object = try #require(try run.jsonLines().first)
        #expect(object["valid"] as? Bool == false)
        #expect(object["errorType"] as? String == "InvalidParameterException")
        #expect(object["message"] as? String == "1 validation error detected: Value 'valid' at 'feedbackValue' failed to satisfy constraint: Member must satisfy enum value set: [Valid, Invalid]")
        let violation = try #require((object["violations"] as? [[String: Any]])?.first)
        #expect(violation["member"] as? String == "FeedbackValue")
        #expect(violation["path"] as? String == "feedbackValue")
        #expect(violation["constraint"] as? String == "enum")
    }

    @Test("--jsonl gives one result per line, in order, skips blank lines and keeps going past unusable ones; a summary goes to standard error")
    func jsonLines() async throws {
        let input = [Self.valid, Self.invalid, "not json", "", "[1,2]", Self.valid + "\r"].joined(separator: "\n") + "\n"
        let run = try await ToolRun(["lint", "--operation", "admin", "--jsonl", "--format", "json"], stdin: Data(input.utf8))
        #expect(run.status == 2)
        let results = try run.jsonLines()
        #expect(results.map { $0["line"] as? Int } == [1, 2, 3, 5, 6])
        #expect(results.map { $0["file"] as? String } == Array(repeating: "stdin", count: 5))
        #expect(results.map { $0["valid"] as? Bool } == [true, false, nil, nil, true])
        #expect(results[2]["error"] as? String == "not valid JSON (at byte 1)" && results[2]["column"] as? Int == 2)
        #expect(results[3]["error"] as? String == "not a JSON object")
        #expect(run.error == ["cognito-feedback: lint: 5 bodies: 2 valid, 1 invalid, 2 unusable"])
    }

    @Test("--jsonl streams lines longer than its 128 KiB blocks, judged or refused, and a last line without a newline")
    func longLines() async throws {
        let long = Self.valid.replacingOccurrences(of: "\"e1\"", with: "\"" + String(repeating: "e", count: 300_000) + "\"")
        let refused = "{\"Padding\":\"" + String(repeating: "p", count: 300_000) + "\u{1}" + String(repeating: "p", count: 300_000) + "\"}"
        let input = [long, Self.valid, refused, long, Self.valid].joined(separator: "\n")
        let run = try await ToolRun(["lint", "--operation", "admin", "--jsonl", "--format", "json"], stdin: Data(input.utf8))
        #expect(run.status == 2)
        let results = try run.jsonLines()
        #expect(results.map { $0["line"] as? Int } == [1, 2, 3, 4, 5])
        #expect(results.map { $0["valid"] as? Bool } == [false, true, nil, false, true])
        #expect(results[2]["error"] as? String == "not valid JSON (at byte 300012)" && results[2]["column"] as? Int == 300_013)
    }

    @Test("--jsonl exits 1 when some line is invalid and none is unusable")
    func jsonLinesInvalid() async throws {
        let run = try await ToolRun(["lint", "--operation", "admin", "--jsonl"], stdin: Data((Self.valid + "\n" + Self.invalid).utf8))
        #expect(run.status == 1)
        #expect(run.output.hasPrefix("stdin:1: valid\nstdin:2: InvalidParameterException: FeedbackValue enum: "))
    }

    @Test("Unusable input exits 2 with its reason, line and column as the result, and the summary on standard error", arguments: [
        ("", "stdin: error: empty"), ("{", "stdin:1:2: error: not valid JSON (at byte 1)"), ("1", "stdin:1:1: error: not a JSON object"),
        ("\u{FF}", "stdin:1:2: error: not valid UTF-8 (at byte 1)"), ("{\n  \"a\": 01}", "stdin:2:9: error: not valid JSON (at byte 10)"),
    ])
    func unusableInput(_ text: String, _ result: String) async throws {
        let bytes = text == "\u{FF}" ? Data([0x7B, 0xFF, 0x7D]) : Data(text.utf8)
        let run = try await ToolRun(["lint", "--operation", "update"], stdin: bytes)
        #expect(run.status == 2)
        #expect(run.output == result + "\n")
        #expect(run.error == ["cognito-feedback: lint: 1 body: 0 valid, 0 invalid, 1 unusable"])
    }

    @Test("A missing file or a directory is an unusable input among the others; the run goes on", arguments: ["/nonexistent/request.json", "/tmp"])
    func missingFile(_ path: String) async throws {
        let file = try TemporaryFile(Self.valid)
        let run = try await ToolRun(["lint", "--operation", "admin", path, file.path])
        #expect(run.status == 2)
        #expect(run.output == "\(path): error: \(path == "/tmp" ? "cannot be read (a directory)" : "no such file")\n\(file.path): valid\n")
        #expect(run.error == ["cognito-feedback: lint: 2 bodies: 1 valid, 0 invalid, 1 unusable"])
    }

    @Test("Usage mistakes exit 2 with one line on standard error and nothing else", arguments: [
        ["lint", "request.json"],
        ["lint", "--operation", "Delete", "-"],
        ["lint", "--operation", "update", "--format", "yaml"],
        ["lint", "--operation"],
        ["lint", "--operation", "update", "--bogus"],
        ["lint", "--operation", "update", "--jobs", "0"],
        ["lint", "--operation", "update", "-j", "many"],
        ["frobnicate"],
        [],
    ])
    func usageErrors(_ arguments: [String]) async throws {
        let run = try await ToolRun(arguments)
        #expect(run.status == 2)
        #expect(run.error.count == 1)
        #expect(run.error.first?.hasPrefix("cognito-feedback: error: ") == true)
        #expect(run.output.isEmpty)
    }

    @Test("--format accepts text, json, github, sarif and junit, in any case, and says so when it does not")
    func formats() async throws {
        for format in ["text", "JSON", "github", "sarif", "junit"] {
            let run = try await ToolRun(["lint", "--operation", "admin", "--format", format], stdin: Data(Self.valid.utf8))
            #expect(run.status == 0, "\(format)")
        }
        let wrong = try await ToolRun(["lint", "--operation", "admin", "--format", "xml"])
        #expect(wrong.error == ["cognito-feedback: error: --format must be one of: text, json, github, sarif, junit"])
    }

    @Test("--quiet (-q) prints failures only; --jobs (-j) takes a number and changes nothing in the output")
    func quietAndJobs() async throws {
        let input = Data((Self.valid + "\n" + Self.invalid + "\n").utf8)
        let quiet = try await ToolRun(["lint", "--operation", "admin", "--jsonl", "-q"], stdin: input)
        #expect(quiet.output.hasPrefix("stdin:2: InvalidParameterException") && quiet.output.split(separator: "\n").count == 1)
        #expect(quiet.error == ["cognito-feedback: lint: 2 bodies: 1 valid, 1 invalid, 0 unusable"])
        let one = try await ToolRun(["lint", "--operation", "admin", "--jsonl", "--jobs", "1"], stdin: input)
        let two = try await ToolRun(["lint", "--operation", "admin", "--jsonl", "-j", "2"], stdin: input)
        #expect(one.output == two.output && one.status == 1 && two.status == 1)
    }

    @Test("--help explains lint, its exit status and an example", arguments: [["lint", "--help"], ["help", "lint"]])
    func help(_ arguments: [String]) async throws {
        let run = try await ToolRun(arguments)
        #expect(run.status == 0)
        for needle in ["--operation", "--format", "--jsonl", "--quiet", "--jobs", "sarif", "github", "junit", "EXIT STATUS", "EXAMPLE",
                       "3  the results could not be written", "Memory"] {
            #expect(run.output.contains(needle), "\(needle)")
        }
    }

    @Test("JSON output carries values with quotes, backslashes, controls and U+2028 exactly")
    func jsonEscaping() async throws {
        let value = "a\"b\\c\u{1}d\te\u{2028}f\u{2029}g€"
        let body = try JSONSerialization.data(withJSONObject: ["UserPoolId": value, "Username": "a", "EventId": "e", "FeedbackValue": "Valid"])
        let run = try await ToolRun(["lint", "--operation", "admin", "--format", "json"], stdin: body)
        #expect(run.output.split(separator: "\n").count == 1, "one line per result")
        let object = try #require(try run.jsonLines().first)
        let violation = try #require((object["violations"] as? [[String: Any]])?.first)
        #expect(violation["message"] as? String == "Value '\(value)' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+")
    }

    @Test("Text output escapes control characters so a violation stays on one line")
    func terminalEscaping() async throws {
        let body = #"{"UserPoolId":"us-east-1_abc\n\u001b[31m","Username":"a","EventId":"e","FeedbackValue":"Valid"}"#
        let run = try await ToolRun(["lint", "--operation", "admin"], stdin: Data(body.utf8))
        #expect(run.output.split(separator: "\n").count == 1)
        #expect(run.output.contains(#"us-east-1_abc\u{A}\u{1B}[31m"#))
    }

    @Test("No output path shows a sensitive value", arguments: ["text", "json", "github", "sarif", "junit"])
    func redaction(_ format: String) async throws {
        let body = #"{"UserPoolId":"us-east-1_abc","Username":"CANARY user 9d2f","EventId":"e","FeedbackToken":"CANARY/9d2f","FeedbackValue":"Valid"}"#
        for arguments in [["lint", "--operation", "update", "--format", format], ["lint", "--operation", "update", "--format", format, "--jsonl"]] {
            let run = try await ToolRun(arguments, stdin: Data((body + "\n" + #"{"Username": CANARY 9d2f}"#).utf8))
            #expect(run.status >= 1)
            #expect(!run.everything.contains("CANARY") && !run.everything.contains("9d2f"))
        }
    }
}

@Suite("cognito-feedback vectors")
struct VectorsCommandTests {
    @Test("check runs the engine against every rules vector and passes")
    func check() async throws {
        let run = try await ToolRun(["vectors", "check"])
        #expect(run.status == 0)
        #expect(run.output.hasSuffix(" passed, 0 failed\n"))
    }

    @Test("list filters by flag and show redacts sensitive values unless asked")
    func listAndShow() async throws {
        let list = try await ToolRun(["vectors", "list", "--flag", "PoolIdBacktracking"])
        #expect(list.status == 0)
        let lines = list.output.split(separator: "\n")
        #expect(lines.count >= 3 && lines.allSatisfy { $0.contains("PoolIdBacktracking") })
        let shown = try await ToolRun(["vectors", "show", "redaction.username-canary.update"])
        #expect(shown.status == 0)
        #expect(shown.output.contains("<redacted: 18 scalars>") && !shown.output.contains("7f3a91"))
        let revealed = try await ToolRun(["vectors", "show", "redaction.username-canary.update", "--reveal"])
        #expect(revealed.output.contains("canary user 7f3a91"))
    }

    @Test("list --evidence keeps one level, the four levels partition the set, and show prints the level")
    func evidenceLevels() async throws {
        /// The ids of a text list, each with its evidence column.
        func rows(_ output: String) -> [(id: Substring, evidence: Substring)] {
            output.split(separator: "\n").map { line in
                let columns = line.split(separator: "  ", omittingEmptySubsequences: false)
                return (columns[0], columns.count > 2 ? columns[2] : "")
            }
        }
        let all = rows(try await ToolRun(["vectors", "list"]).output).map(\.id)
        var seen: [Substring] = []
        for level in ["documented", "observed", "indirect", "inferred"] {
            let run = try await ToolRun(["vectors", "list", "--evidence", level])
            #expect(run.status == 0)
            let listed = rows(run.output)
            #expect(!listed.isEmpty && listed.allSatisfy { $0.evidence == level }, "\(level)")
            seen += listed.map(\.id)
        }
        #expect(all.count > 700 && seen.sorted() == all.sorted())
        #expect(try await ToolRun(["vectors", "list", "--evidence", "certain"]).status == 2)
        let shown = try await ToolRun(["vectors", "show", "wire.duplicate-username-last-valid.update"])
        #expect(shown.output.contains(#""evidence": "inferred""#))
        #expect(shown.output.contains(#""alternatives": ["#))
    }

    @Test("show redacts the whole wire text of a vector without a body unless asked, and shows its alternatives")
    func showBodylessVector() async throws {
        let shown = try await ToolRun(["vectors", "show", "lone-surrogates.cut-emoji.update"])
        #expect(shown.status == 0)
        #expect(shown.output.contains(#""wire": "<redacted: "#) && !shown.output.contains("alice") && !shown.output.contains("ud83d"))
        #expect(!shown.output.contains(#""body""#))
        #expect(shown.output.contains(#""refused""#) && shown.output.contains(#""alternatives": ["#))
        let revealed = try await ToolRun(["vectors", "show", "lone-surrogates.cut-emoji.update", "--reveal"])
        #expect(revealed.output.contains(#"alice\\ud83d"#))
    }

    @Test("show redacts a wire text holding a username its body no longer has (a duplicate key overwritten by null)")
    func showOverwrittenDuplicate() async throws {
        let shown = try await ToolRun(["vectors", "show", "wire.duplicate-value-then-null.update"])
        #expect(shown.status == 0)
        #expect(!shown.output.contains("alice"))
        #expect(shown.output.contains(#""wire": "<redacted: "#))
        let revealed = try await ToolRun(["vectors", "show", "wire.duplicate-value-then-null.update", "--reveal"])
        #expect(revealed.output.contains("alice"))
    }

    @Test("An unknown vector or flag exits 2")
    func unknown() async throws {
        #expect(try await ToolRun(["vectors", "show", "no.such.vector"]).status == 2)
        #expect(try await ToolRun(["vectors", "list", "--flag", "NoSuchFlag"]).status == 2)
    }
}
