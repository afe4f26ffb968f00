import FeedbackLint
import FeedbackRules
import FeedbackTestSupport
import FeedbackProcessTestSupport
import Foundation
import Testing

/// `--format sarif`: a SARIF 2.1.0 log that the OASIS schema accepts, with
/// one rule per constraint and each result where the member's value is.
@Suite("lint --format sarif")
struct SARIFFormatTests {
    /// Validates `log` against the committed SARIF 2.1.0 schema with
    /// `jsonschema.Draft4Validator`: the validator's complaints, none when valid.
    static func schemaErrors(_ log: [UInt8]) throws -> [String] {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.loads(sys.stdin.buffer.read())
            for error in jsonschema.Draft4Validator(schema).iter_errors(log):
                print(list(error.absolute_path), error.message[:200])
            """
        let run = try CommandRun(["python3", "-c", script, PackagePaths.file("Tests/Fixtures/sarif/sarif-schema-2.1.0.json")],
                                 input: log, timeout: 60)
        try #require(run.status == 0, "python3 with jsonschema is needed (installed by .ci/run): \(run.errorText)")
        return run.outputText.split(separator: "\n").map(String.init)
    }

    static let input = [Bodies.valid, Bodies.badEnum, "", Bodies.wrongType, "{\"Username\": tru}", Bodies.several].joined(separator: "\n")

    static func log() throws -> (output: LintedOutput, json: [String: Any]) {
        let output = try lint(input, linter(.sarif))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.bytes)) as? [String: Any])
        return (output, json)
    }

    @Test("The log validates against the SARIF 2.1.0 schema; a broken log does not (the check can fail)")
    func validatesAgainstSchema() throws {
        let (output, _) = try Self.log()
        #expect(try Self.schemaErrors(output.bytes) == [])
        let broken = output.text.replacingOccurrences(of: #""level":"error""#, with: #""level":"fatal""#)
        #expect(try !Self.schemaErrors(Array(broken.utf8)).isEmpty)
        // Single bodies, arrays, and a log without results validate too.
        for (text, jsonLines) in [(Bodies.badEnum, false), ("[" + Bodies.valid + ",1," + Bodies.several + "]", false), (Bodies.valid, true)] {
            let other = try lint(text, linter(.sarif, jsonLines: jsonLines))
            #expect(try Self.schemaErrors(other.bytes) == [], "\(text.prefix(40))")
        }
    }

    @Test("One run: tool cognito-feedback with its version, a rule per constraint and one for unusable input, columns in Unicode scalars")
    func toolAndRules() throws {
        let (_, json) = try Self.log()
        #expect(json["version"] as? String == "2.1.0")
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        #expect((json["runs"] as? [Any])?.count == 1)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "cognito-feedback")
        #expect(driver["version"] as? String == "9.9.9")
        let ids = try #require((driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        for id in ["UserPoolId/pattern", "UserPoolId/length", "Username/length", "Username/pattern", "EventId/pattern",
                   "FeedbackToken/pattern", "FeedbackValue/enum", "UserPoolId/required", "FeedbackToken/type", "input/unusable"] {
            #expect(ids.contains(id), "\(id)")
        }
        #expect(!ids.contains("FeedbackToken/length"), "the token has no length limit")
        let admin = try lint(Bodies.valid, linter(.sarif, operation: .adminUpdateAuthEventFeedback))
        #expect(!admin.text.contains("FeedbackToken/"), "the Admin operation has no FeedbackToken")
    }

    @Test("Each result is at the member's value, the body when the member is absent, the error for unusable input; its ruleIndex names its rule")
    func resultLocations() throws {
        let (_, json) = try Self.log()
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        var found: [String: (line: Int, column: Int)] = [:]
        for result in results {
            let rule = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == rule)
            #expect(result["level"] as? String == "error")
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let region = try #require(location["region"] as? [String: Any])
            #expect(((location["artifactLocation"] as? [String: Any])?["uri"] as? String)?.hasSuffix(".jsonl") == true)
            found[rule + "@" + String((region["startLine"] as? Int) ?? 0)] = ((region["startLine"] as? Int) ?? 0, (region["startColumn"] as? Int) ?? 0)
        }
        /// The column of `needle`'s first character in `line`, from 1.
        func column(of needle: String, in line: String) -> Int {
            line.distance(from: line.startIndex, to: line.range(of: needle)!.lowerBound) + 1
        }
        #expect(found["FeedbackValue/enum@2"]?.column == column(of: #""valid""#, in: Bodies.badEnum))
        #expect(found["Username/type@4"]?.column == column(of: "42", in: Bodies.wrongType))
        #expect(found["input/unusable@5"]?.column == 17, "{\"Username\": tru}: the brace where 'e' should be")
        #expect(found["EventId/required@6"]?.column == 1, "an absent member: the body")
        #expect(found["Username/length@6"]?.column == column(of: #""bad user"#, in: Bodies.several))
        #expect(found["Username/pattern@6"] != nil)
        #expect(results.count == 6)
    }
}
