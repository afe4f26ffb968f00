import FeedbackLint
import FeedbackRules
import FeedbackTestSupport
import Foundation
import Testing

/// What an input may hold: one body, an array of bodies, JSON Lines (blank
/// lines skipped, a pretty-printed document told apart), several files.
@Suite("lint inputs")
struct InputShapesTests {
    @Test("A top-level array is read as many bodies, each placed at its line and column; a non-object element is unusable on its own")
    func arrayOfBodies() throws {
        let input = "[\n  " + Bodies.valid + ",\n  " + Bodies.badEnum + ",\n  7,\n  " + Bodies.valid + "\n]\n"
        let output = try lint(input, linter(.text, jsonLines: false))
        #expect(output.summary == LintSummary(valid: 2, invalid: 1, unusable: 1))
        #expect(output.lines.first?.hasSuffix(":2:3: valid") == true)
        #expect(output.lines[1].contains(":3:3: InvalidParameterException: FeedbackValue enum: "))
        #expect(output.lines[2].hasSuffix(":4:3: error: not a JSON object"))
        #expect(output.lines[3].hasSuffix(":5:3: valid"))
        let json = try lint(input, linter(.json, jsonLines: false))
        #expect(json.lines.first?.contains(#""line":2,"column":3,"valid":true"#) == true)
    }

    @Test("An empty array holds no body; an array broken halfway keeps the results before the break")
    func emptyAndBrokenArrays() throws {
        let empty = try lint("[ ]", linter(.text, jsonLines: false))
        #expect(empty.summary.bodies == 0 && empty.summary.exitStatus == 0 && empty.bytes.isEmpty)
        let broken = try lint("[" + Bodies.valid + ", {\"a\": }]", linter(.text, jsonLines: false))
        #expect(broken.summary == LintSummary(valid: 1, invalid: 0, unusable: 1))
        #expect(broken.lines.last?.contains(":1:\(Bodies.valid.count + 10): error: not valid JSON (at byte \(Bodies.valid.count + 9))") == true)
    }

    @Test("--jsonl skips blank lines (spaces, tabs, CR), and keeps counting them")
    func blankLines() throws {
        let output = try lint("\n" + Bodies.valid + "\n \t\r\n\n" + Bodies.badEnum + "\n\n", linter(.text))
        #expect(output.summary.bodies == 2)
        #expect(output.lines.first?.hasSuffix(":2: valid") == true)
        #expect(output.lines.last?.contains(":5: InvalidParameterException") == true)
    }

    @Test("A pretty-printed document under --jsonl is one result suggesting to drop --jsonl, not one error per line")
    func prettyPrintedUnderJSONLines() throws {
        let pretty = "{\n  \"UserPoolId\": \"us-east-1_abc\",\n  \"Username\": \"alice\",\n  \"EventId\": \"e1\",\n  \"FeedbackToken\": \"t\",\n  \"FeedbackValue\": \"Valid\"\n}\n"
        let output = try lint(pretty + Bodies.valid + "\n", linter(.text))
        #expect(output.lines.count == 2)
        #expect(output.lines.first?.hasSuffix(":1:1: error: a JSON document over lines 1-7, not one body per line: drop --jsonl to read the input as one document") == true)
        #expect(output.lines.last?.hasSuffix(":8: valid") == true)
        // Read as one document, it is judged.
        #expect(try lint(pretty, linter(.text, jsonLines: false)).summary.valid == 1)
        // A line cut short followed by lines of their own is no document: each line speaks for itself.
        let cut = try lint("{\"Username\": \"a\",\n" + Bodies.valid + "\n", linter(.text))
        #expect(cut.lines.count == 2 && cut.lines[0].contains(":1:18: error: not valid JSON") && cut.lines[1].hasSuffix(":2: valid"))
    }

    @Test("Several files are linted in order, each result naming its file; the worst outcome counts")
    func severalFiles() throws {
        let output = try lint([Array(Bodies.valid.utf8), Array("{".utf8), Array(Bodies.badEnum.utf8)], linter(.text, jsonLines: false))
        #expect(output.lines.count == 3)
        #expect(output.lines[0].hasSuffix(".jsonl: valid"))
        #expect(output.lines[1].hasSuffix(".jsonl:1:2: error: not valid JSON (at byte 1)"))
        #expect(output.lines[2].contains(".jsonl: InvalidParameterException: FeedbackValue enum"))
        #expect(output.summary.exitStatus == 2)
        let missing = linter(.json, jsonLines: false).lint([.file("/nonexistent/bodies.json")], write: { _ in true })
        #expect(missing.unusable == 1 && missing.exitStatus == 2)
    }

    @Test("--quiet writes failures only", arguments: [LintFormat.text, .json])
    func quiet(_ format: LintFormat) throws {
        let output = try lint([Bodies.valid, Bodies.badEnum, Bodies.valid, "{"].joined(separator: "\n"), linter(format, quiet: true))
        #expect(output.lines.count == 2)
        #expect(output.summary.valid == 2, "counted, not shown")
    }
}
