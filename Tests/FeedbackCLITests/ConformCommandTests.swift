import Foundation
import FeedbackTestSupport
import Testing
import FeedbackCLI
import FeedbackConformance

/// `cognito-feedback conform` end to end, in process, against the project's
/// Swift adapter and the faulty Python adapter fixture.
@Suite("conform", .serialized)
struct ConformCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var swiftAdapter: String { ExecutableTests.executable.deletingLastPathComponent().appendingPathComponent("feedback-swift-adapter").path }
    static var faulty: [String] { ["python3", root.appendingPathComponent("Conformance/fixtures/faulty_adapter.py").path] }

    @Test("A conforming client exits 0 with every case passing")
    func conformingClient() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.swiftAdapter), "build the package first (swift build)")
        let run = try await ToolRun(["conform", "client", "--quiet", "--", Self.swiftAdapter])
        #expect(run.status == 0)
        #expect(run.output.contains("  fail                0\n"))
        #expect(run.output.contains("compliance     100.0 %"))
        #expect(run.output.hasSuffix("PASSED: no failures beyond the expectation file\n"))
    }

    @Test("Failures exit 1; an expectation file listing them exits 0; a listed case that passes exits 1")
    func expectationFileGatesNewFailuresOnly() async throws {
        let command = Self.faulty + ["normalise", "--on", "normalization.nfd-128.update"]
        let failing = try await ToolRun(["conform", "client", "--quiet", "--id", "normalization.*", "--"] + command)
        #expect(failing.status == 1)
        #expect(failing.output.contains("FAIL × 1\n"))
        #expect(failing.output.contains("    cases:    normalization.nfd-128.update\n"))
        let known = try TemporaryFile(#"{"knownIssues":[{"ids":"normalization.nfd-128.update","verdict":"fail","reason":"NFC"}]}"#)
        let expected = try await ToolRun(["conform", "client", "--quiet", "--id", "normalization.*", "--expect", known.path, "--"] + command)
        #expect(expected.status == 0)
        #expect(expected.output.contains("KNOWN ISSUES (from the expectation file)\n  1 × known issue: NFC"))
        let stale = try TemporaryFile(#"{"knownIssues":[{"ids":"normalization.nfc-128.update","verdict":"fail","reason":"stale"}]}"#)
        let fixed = try await ToolRun(["conform", "client", "--quiet", "--id", "normalization.*", "--expect", stale.path, "--"] + command)
        #expect(fixed.status == 1)
        #expect(fixed.output.contains("passed, but the expectation file lists it"))
    }

    @Test("The vector filters choose among the canned-answer cases too")
    func filtersChooseAnswerCases() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.swiftAdapter), "build the package first (swift build)")
        let answers = try await ToolRun(["conform", "client", "--quiet", "--id", "answer.*.plain.admin", "--", Self.swiftAdapter])
        #expect(answers.status == 0)
        #expect(answers.output.contains("\n7 cases in "), "one per modelled error")
        let vectorsOnly = try await ToolRun(["conform", "client", "--quiet", "--flag", "TokenCharset", "--", Self.swiftAdapter])
        #expect(!vectorsOnly.output.contains("answer."))
        #expect(vectorsOnly.output.contains("\n10 cases in "))
    }

    @Test("--output writes the report in the chosen format and prints a one-line summary", arguments: ["json", "junit", "text"])
    func outputFile(format: String) async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.swiftAdapter), "build the package first (swift build)")
        let file = try TemporaryFile(Data(), suffix: "." + format)
        let run = try await ToolRun(["conform", "client", "--quiet", "--flag", "TokenCharset", "--format", format, "--output", file.path, "--", Self.swiftAdapter])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("PASSED: ") && run.output.hasSuffix("report in \(file.path)\n"))
        let written = try String(contentsOfFile: file.path, encoding: .utf8)
        switch format {
        case "json": #expect(written.contains("\"compliance\": 100"))
        case "junit": #expect(written.hasPrefix("<?xml") && written.contains("failures=\"0\""))
        default: #expect(written.contains("compliance     100.0 %"))
        }
    }

    @Test("No report format, progress line or summary shows a vector's Username or FeedbackToken", arguments: ["text", "json", "junit"])
    func reportsNeverShowSensitiveValues(format: String) async throws {
        let library = try VectorLibrary.load()
        let secrets = Set(library.vectors.flatMap { vector in
            ["Username", "FeedbackToken"].compactMap { key -> String? in
                guard case .string(let value)? = vector.body?.members[key], value.unicodeScalars.count >= 6 else { return nil }
                return value
            }
        })
        // The leaking adapter quotes the username in its error and on standard error.
        let run = try await ToolRun(["conform", "client", "--format", format, "--"] + Self.faulty + ["leak"])
        #expect(run.status == 1)
        for secret in secrets { #expect(!run.everything.contains(secret), "a sensitive test value appears in the \(format) report") }
    }

    @Test("Every output applies the run's filter to the text it is handed: standard output, standard error, lines of any form")
    func outputsFilterLast() {
        var output = "", errors: [String] = []
        let io = ToolIO(standardInput: -1, output: OutputSink(collect: { output += String(decoding: $0, as: UTF8.self) }),
                        error: { errors.append($0) })
        io.output.write("before abc.def\n")
        io.filter.use(Redactor(secrets: ["abc.def\n", #"back\slash"#]))
        io.output.write(#"{"got": "no abc\u002Edef", "x": "back\\slash"}"#)
        io.output.write(Array("raw abc.def".utf8))
        io.error("got: no ABC.DEF^J")
        #expect(output == "before abc.def\n" + #"{"got": "no [withheld]", "x": "[withheld]"}"# + "raw [withheld]")
        #expect(errors == ["got: no [withheld]"])
    }

    @Test("A reason hiding a token behind its control character reaches neither --output nor standard output",
          arguments: ["text", "json", "junit", "markdown"])
    func hiddenTokenNeverWritten(format: String) async throws {
        let file = try TemporaryFile(Data(), suffix: "." + format)
        let run = try await ToolRun(["conform", "client", "--quiet", "--id", "feedback-token.*", "--format", format, "--output", file.path, "--"]
            + Self.faulty + ["unsupported-text", "--text", "no abc.def\n"])
        let written = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(run.status == 1 && written.contains("unsupported"))
        #expect(!(written + run.everything).lowercased().contains("abc.def"))
    }

    @Test("Usage and set-up mistakes exit 2 with one line on standard error", arguments: [
        ["conform"], ["conform", "proxy"], ["conform", "server"], ["conform", "server", "--endpoint", "ftp://x"],
        ["conform", "client"], ["conform", "server", "--endpoint", "http://127.0.0.1:9", "--timeout", "0"],
        ["conform", "server", "--endpoint", "http://127.0.0.1:9", "--expect", "/nonexistent.json"],
        ["conform", "server", "--endpoint", "http://127.0.0.1:9", "--format", "xml"],
        ["conform", "client", "--", "/nonexistent/adapter"],
        ["conform", "server", "--endpoint", "http://127.0.0.1:9", "--id", "no-such-vector.*"],
        ["conform", "client", "--id", "no-such-vector.*", "--", "/bin/true"],
    ])
    func usageErrors(_ arguments: [String]) async throws {
        let run = try await ToolRun(arguments)
        if arguments == ["conform"] {
            #expect(run.status == 0 && run.output.contains("USAGE: cognito-feedback conform server"))
            return
        }
        #expect(run.status == 2)
        #expect(run.error.count == 1 && run.error[0].hasPrefix("cognito-feedback: error: "))
    }

    @Test("An adapter that dies at start-up or mid-run is explained on standard error: its last lines, and the command to try by hand")
    func adapterFailuresExplained() async throws {
        let missing = try await ToolRun(["conform", "client", "--quiet", "--id", "baseline.*", "--",
                                         "python3", "-c", "import no_such_module_xyz"])
        #expect(missing.status == 2)
        #expect(missing.error.first == "cognito-feedback: error: the adapter did not start: the adapter exited with status 1")
        #expect(missing.error.contains("  ModuleNotFoundError: No module named 'no_such_module_xyz'"), "\(missing.error)")
        #expect(missing.error.last == "cognito-feedback: to try the adapter by hand, run it and type a start line "
            + "(Conformance/PROTOCOL.md): python3 -c 'import no_such_module_xyz'")
        let id = "baseline.typical.admin"
        let midRun = try await ToolRun(["conform", "client", "--quiet", "--id", "baseline.typical.*", "--"]
            + Self.faulty + ["raise", "--on", id])
        #expect(midRun.status == 1)
        #expect(midRun.error.first == "cognito-feedback: the adapter failed at \(id): the adapter exited with status 1")
        #expect(midRun.error.contains("  RuntimeError: the fixture gave up on \(id)"), "\(midRun.error)")
        #expect(midRun.output.contains("the adapter's standard error ended with: RuntimeError: the fixture gave up on \(id)"))
    }

    @Test("--output is checked before the run: an unwritable path exits 2 and no adapter is ever started")
    func outputCheckedFirst() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("adapter-started-\(UUID().uuidString)").path
        let run = try await ToolRun(["conform", "client", "--output", "/nonexistent-folder/report.txt", "--",
                                     "sh", "-c", "touch '\(marker)'"])
        #expect(run.status == 2)
        #expect(run.error == ["cognito-feedback: error: cannot write the report to /nonexistent-folder/report.txt (No such file or directory)"])
        #expect(!FileManager.default.fileExists(atPath: marker), "the adapter was started")
    }

    @Test("--output follows a symbolic link: its target gets the report, the link stays, and no temporary file is left")
    func outputFollowsLinks() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.swiftAdapter), "build the package first (swift build)")
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("reports"), withIntermediateDirectories: false)
        let target = folder.file("reports/2026-12-07.txt")
        try "the previous report".write(toFile: target, atomically: true, encoding: .utf8)
        let latest = folder.file("latest.txt")
        try FileManager.default.createSymbolicLink(atPath: latest, withDestinationPath: "reports/2026-12-07.txt")
        let run = try await ToolRun(["conform", "client", "--quiet", "--flag", "TokenCharset", "--output", latest, "--", Self.swiftAdapter])
        #expect(run.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: latest) == "reports/2026-12-07.txt", "the link stays")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("compliance     100.0 %"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["latest.txt", "reports"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("reports")) == ["2026-12-07.txt"])
    }

    @Test("conform matrix puts JSON reports side by side, in Markdown or HTML, and refuses what is not a report")
    func matrix() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.swiftAdapter), "build the package first (swift build)")
        let json = try TemporaryFile(Data(), suffix: ".json")
        let run = try await ToolRun(["conform", "client", "--quiet", "--id", "baseline.*", "--format", "json", "--output", json.path,
                                     "--", Self.swiftAdapter])
        #expect(run.status == 0)
        let markdown = try await ToolRun(["conform", "matrix", json.path, json.path])
        #expect(markdown.status == 0)
        #expect(markdown.output.contains("| **service** | 100.0 % | 100.0 % |"))
        #expect(markdown.output.contains("| **strict** | 100.0 % | 100.0 % |"))
        let html = try await ToolRun(["conform", "matrix", "--format", "html", json.path])
        #expect(html.status == 0 && html.output.hasPrefix("<!DOCTYPE html>"))
        let notReport = try TemporaryFile(#"{"a":1}"#)
        let refused = try await ToolRun(["conform", "matrix", notReport.path])
        #expect(refused.status == 2)
        #expect(refused.error == ["cognito-feedback: error: \(notReport.path): not a JSON report of cognito-feedback conform (--format json): implementation: expected an object"])
    }
}
