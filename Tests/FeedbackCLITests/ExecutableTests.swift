import FeedbackConformance
import Foundation
import FeedbackTestSupport
import FeedbackProcessTestSupport
import Testing

/// The built `cognito-feedback` binary, run as a user runs it.
@Suite("The cognito-feedback executable")
struct ExecutableTests {
    /// The executable beside the test bundle (SwiftPM builds both into one folder).
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        return testBinary.deletingLastPathComponent().appendingPathComponent("cognito-feedback")
    }

    /// Runs the tool with `stdin`, as a shell does: status, standard output and error.
    static func run(_ arguments: [String], stdin: String) throws -> (status: Int32, output: String, error: String) {
        let run = try CommandRun([executable.path] + arguments, input: Array(stdin.utf8))
        return (run.status, run.outputText, run.errorText)
    }

    @Test("Exit status and output reach the shell: 0 valid, 1 invalid, 2 unusable")
    func exitStatus() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let valid = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Valid"}"#
        #expect(try Self.run(["lint", "--operation", "admin"], stdin: valid).status == 0)
        let invalid = try Self.run(["lint", "--operation", "admin", "--format", "json"], stdin: valid.replacingOccurrences(of: "Valid", with: "valid"))
        #expect(invalid.status == 1 && invalid.output.contains("\"errorType\":\"InvalidParameterException\""))
        let unusable = try Self.run(["lint", "--operation", "admin"], stdin: "{")
        #expect(unusable.status == 2 && unusable.output == "stdin:1:2: error: not valid JSON (at byte 1)\n")
        #expect(unusable.error == "cognito-feedback: lint: 1 body: 0 valid, 0 invalid, 1 unusable\n")
    }

    @Test("lint refuses the bytes of every body-less vector with exit 2, in a line that echoes no value, as the vector allows")
    func lintRefusesLoneSurrogates() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let bodyless = try VectorLibrary.load().vectors.filter { $0.body == nil && $0.flags.contains("LoneSurrogate") }
        try #require(!bodyless.isEmpty, "the lone-surrogates vectors are missing")
        for vector in bodyless {
            let wire = try #require(vector.wire)
            let member = try #require(vector.expected?.violations.first?.member.wireName)
            let value = try #require(Self.valueText(of: member, in: wire), "\(vector.id): no \(member) in the wire text")
            let operation = vector.operation.rawValue
            let single = try Self.run(["lint", "--operation", operation], stdin: wire)
            #expect(single.status == 2, "\(vector.id)")
            #expect(single.output.hasPrefix("stdin:1:") && single.output.contains(": error: a lone UTF-16 surrogate escape, which cannot be judged here (at byte "),
                    "\(vector.id)")
            let lines = try Self.run(["lint", "--operation", operation, "--jsonl", "--format", "json"], stdin: wire + "\n")
            #expect(lines.status == 2, "\(vector.id)")
            #expect(lines.output.hasPrefix(#"{"file":"stdin","line":1,"column":"#)
                    && lines.output.contains(#","valid":null,"error":"a lone UTF-16 surrogate escape, which cannot be judged here (at byte "#),
                    "\(vector.id)")
            // Neither the escaped text nor the readable part of the value ("alice" of "alice\ud83d") shows.
            let readable = value.replacing(/\\u[0-9a-fA-F]{4}/, with: "")
            for text in [single.output, single.error, lines.output, lines.error] {
                #expect(!text.contains(value) && (readable.isEmpty || !text.contains(readable)), "\(vector.id): the \(member) value shows")
            }
            // A refusal is what the vector allows besides Cognito's own answer.
            #expect(vector.judge(.failure(JSONError(.loneSurrogate, at: 0))).verdict == .pass, "\(vector.id)")
        }
    }

    @Test("lint exits 2 on the wire bytes of every malformed or empty body vector, with one result that echoes no value; an array is read as bodies")
    func lintRefusesMalformedBodies() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let vectors = try VectorLibrary.load().vectors.filter { $0.flags.contains("MalformedBody") || $0.flags.contains("EmptyBody") }
        try #require(vectors.count >= 20, "the malformed-bodies vectors are missing")
        for vector in vectors {
            let wire = try #require(vector.wire)
            let run = try Self.run(["lint", "--operation", vector.operation.rawValue], stdin: wire)
            if vector.id.hasPrefix("malformed-bodies.top-level-array.") {
                // lint reads a file that is an array as a list of bodies (README, "The command line"):
                // each element is judged at its line and column.
                #expect(run.status == 0 && run.output == "stdin:1:2: valid\n", "\(vector.id)")
                continue
            }
            #expect(run.status == 2, "\(vector.id)")
            let results = run.output.split(separator: "\n")
            #expect(results.count == 1 && results[0].hasPrefix("stdin") && results[0].contains(": error: "), "\(vector.id)")
            #expect(run.error.hasSuffix("1 unusable\n"), "\(vector.id)")
            for secret in ["alice", "AYADeGV4YW1wbGUtZmVlZGJhY2stdG9rZW4"] {
                #expect(!run.output.contains(secret) && !run.error.contains(secret), "\(vector.id): a value shows")
            }
            // Refusing the body is what these vectors allow (MalformedBody: what they expect).
            #expect(vector.judge(.failure(JSONError(.syntax, at: 0))).verdict == .pass, "\(vector.id)")
        }
    }

    /// The text of `member`'s string value in a wire text, escapes as written.
    static func valueText(of member: String, in wire: String) -> String? {
        guard let start = wire.range(of: "\"\(member)\":\"") else { return nil }
        let rest = wire[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static let body = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Valid"}"#

    @Test("A reader that goes away ends an endless bulk run with exit 3, instead of a run that never ends")
    func readerGoesAway() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        // `yes BODY | cognito-feedback lint --jsonl | head -c 100`: the input never ends.
        let run = try CommandRun(["sh", "-c", "yes '\(Self.body)' | '\(Self.executable.path)' lint --operation admin --jsonl"],
                                 timeout: 60, closeOutputAfter: 100)
        #expect(run.termination == .exited(3), "the run ended on its own, with the output failure's status")
        #expect(run.errorText.contains("cannot write the results to standard output (Broken pipe)"))
    }

    @Test("A full standard output is exit 3 with a reason, not a verdict", arguments: [false, true])
    func fullStdout(jsonl: Bool) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let input = String(repeating: Self.body + "\n", count: jsonl ? 20_000 : 1)
        let run = try CommandRun([Self.executable.path, "lint", "--operation", "admin"] + (jsonl ? ["--jsonl"] : []),
                                 input: Array(input.utf8), stdout: .file("/dev/full"))
        #expect(run.termination == .exited(3))
        #expect(run.errorText.hasSuffix("\ncognito-feedback: error: cannot write the results to standard output (No space left on device)\n"))
    }

    @Test("A full or closed standard error never crashes the tool: the exit status is still the verdict",
          arguments: ["{", Self.body])
    func fullStderr(input: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let run = try CommandRun([Self.executable.path, "lint", "--operation", "admin"], input: Array(input.utf8),
                                 stderr: .file("/dev/full"))
        #expect(run.termination == .exited(input == "{" ? 2 : 0))
        let usage = try CommandRun([Self.executable.path, "lint", "--no-such-option"], stderr: .file("/dev/full"))
        #expect(usage.termination == .exited(2))
    }

    @Test("--jsonl streams 1,000,000 lines with flat memory, with one job or two: peak resident size under 64 MB", arguments: [1, 2])
    func millionLines(jobs: Int) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let input = String(repeating: Self.body + "\n", count: 1_000_000)
        let run = try CommandRun([Self.executable.path, "lint", "--operation", "admin", "--jsonl", "--jobs", "\(jobs)"], input: Array(input.utf8))
        #expect(run.termination == .exited(0))
        #expect(run.output.count { $0 == 0x0A } == 1_000_000)
        let kilobytes = try #require(run.peakKilobytes, "VmHWM of the running process")
        #expect(kilobytes < 64 * 1024, "peak resident size \(kilobytes) kB")
    }

    @Test("A copy of the binary in an empty folder, far from any checkout, carries its vectors: vectors and conform run")
    func copiedBinaryCarriesVectors() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copied-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("cognito-feedback").path
        try FileManager.default.copyItem(atPath: Self.executable.path, toPath: copy)
        let adapter = Self.executable.deletingLastPathComponent().appendingPathComponent("feedback-swift-adapter").path
        let script = "cd '\(folder.path)' && env -u COGNITO_FEEDBACK_VECTORS ./cognito-feedback vectors check"
            + " && env -u COGNITO_FEEDBACK_VECTORS ./cognito-feedback vectors list --id 'baseline.*'"
            + " && env -u COGNITO_FEEDBACK_VECTORS ./cognito-feedback conform client --quiet --id 'baseline.*' -- '\(adapter)'"
        let run = try CommandRun(["sh", "-c", script], timeout: 120)
        #expect(run.termination == .exited(0), "\(run.errorText)")
        #expect(run.outputText.contains(" passed, 0 failed\n"))
        #expect(run.errorText.contains("vectors (built-in set, "), "vectors list names the set it read")
        #expect(run.outputText.contains("PASSED: no failures beyond the expectation file"))
    }
}
