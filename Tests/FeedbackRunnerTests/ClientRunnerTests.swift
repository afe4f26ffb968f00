import Foundation
import FeedbackTestSupport
import FeedbackConformanceTestSupport
import FeedbackProcessTestSupport
import Testing
import FeedbackRules
import FeedbackAdapterProtocol
import FeedbackConformance
@testable import FeedbackRunner

/// The runner against real adapter processes: the Swift encoder's adapter
/// (built beside this test bundle), botocore's, and the faulty fixture
/// (`Conformance/fixtures/faulty_adapter.py`), each started by the runner
/// itself as `/usr/bin/env <command>`.
@Suite("Running client adapters", .serialized)
struct ClientRunnerTests {
    static let root = PackagePaths.root
    static let swiftAdapter = PackagePaths.swiftAdapter
    static let fixture = root.appendingPathComponent("Conformance/fixtures/faulty_adapter.py").path
    static let botocoreAdapter = root.appendingPathComponent("Conformance/adapters/botocore/adapter.py").path
    static let hasPython = succeeds(["python3", "-c", "pass"])
    static let hasBotocore = succeeds(["python3", "-c", "import botocore"])

    static func succeeds(_ command: [String]) -> Bool {
        (try? CommandRun(command, timeout: 60, stdout: .null, stderr: .null))?.status == 0
    }

    /// Three valid cases: Update, Admin, and an answer case with a namespaced type.
    static var three: [ClientCase] {
        let vectors = ["baseline.typical.update", "baseline.typical.admin"].compactMap(Vectors.named)
        return vectors.compactMap(ClientCase.init(vector:))
            + ClientCase.answerCases.filter { $0.id == "answer.NotAuthorizedException.namespaced.admin" }
    }

    static func run(_ command: [String], _ cases: [ClientCase], timeout: Double = 5, configure: (inout ClientRunner.Options) -> Void = { _ in })
        async -> (implementation: ConformanceReport.Implementation?, results: [CaseResult])
    {
        var options = ClientRunner.Options(command: command)
        options.timeout = .seconds(timeout)
        configure(&options)
        return await ClientRunner(options: options).run(cases: cases)
    }

    static func fault(_ name: String, on ids: [String]? = nil) -> [String] {
        ["python3", fixture, name] + (ids.map { ["--on", $0.joined(separator: ",")] } ?? [])
    }

    @Test("The Swift encoder's adapter passes every client vector and answer case over the protocol")
    func swiftAdapterPassesAll() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.swiftAdapter.path), "build the package first (swift build)")
        let runner = ClientRunner(options: .init(command: [Self.swiftAdapter.path]))
        let vectors = try Vectors.for(.client)
        let cases = runner.cases(for: vectors)
        let (implementation, results) = await runner.run(vectors)
        #expect(implementation?.name == "cognito-feedback RequestEncoder" && implementation?.language == "swift")
        #expect(results.map(\.id) == cases.map(\.id) && results.count == vectors.count + 84)
        let failing = results.filter { $0.verdict != .pass }
        #expect(failing.isEmpty, "\(failing.prefix(3).map { "\($0.id): \($0.got ?? "")" })")
        #expect(leakedValues(results, cases).isEmpty)
    }

    @Test("With --lint the Swift adapter rejects invalid requests locally: passes, noted 'lints locally'")
    func swiftAdapterLints() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.swiftAdapter.path), "build the package first (swift build)")
        let cases = ClientCase.cases(for: try Vectors.for(.client).selecting("username-length.*") { $0.id.hasPrefix("username-length.") }, answers: false)
        let (_, results) = await Self.run([Self.swiftAdapter.path, "--lint"], cases)
        #expect(results.allSatisfy { $0.verdict == .pass })
        let linted = Set(results.filter { $0.notes.contains("lints locally") }.map(\.id))
        #expect(!linted.isEmpty && linted == Set(cases.filter { $0.result == .invalid }.map(\.id)))
    }

    @Test("botocore: valid requests pass (Admin signature verified), empty strings are linted locally, nothing errors",
          .enabled(if: hasBotocore, "python3 with botocore is not installed"))
    func botocoreSubset() async throws {
        let vectors = try Vectors.for(.client).filter { $0.id.hasPrefix("baseline.") || $0.id.hasPrefix("username-length.") }
        let cases = ClientCase.cases(for: vectors, answers: false)
            + ClientCase.answerCases.filter { $0.id.contains(".plain.") }
        let (implementation, results) = await Self.run(["python3", Self.botocoreAdapter], cases, timeout: 10)
        #expect(implementation?.name == "botocore" && implementation?.version != nil)
        #expect(results.count == cases.count && !results.contains { $0.verdict == .error })
        for id in ["baseline.typical.update", "baseline.typical.admin", "answer.UserNotFoundException.plain.admin"] {
            #expect(results.first { $0.id == id }?.verdict == .pass, "\(id)")
        }
        // botocore checks minimum lengths (SOURCES.md#botocore-client): an empty username never leaves the client.
        let empty = try #require(cases.first { $0.parameters[.username] == "" })
        #expect(results.first { $0.id == empty.id }?.notes == ["lints locally"])
        #expect(leakedValues(results, cases).isEmpty)
    }

    @Test("The hand-written fixture adapter, without a fault, passes: the baseline for the fault tests",
          .enabled(if: hasPython, "python3 is not installed"))
    func fixtureWithoutFault() async {
        let (implementation, results) = await Self.run(Self.fault("none"), Self.three)
        #expect(implementation?.name == "faulty-adapter")
        #expect(results.map(\.verdict) == [.pass, .pass, .pass], "\(results.map { $0.got ?? "" })")
    }

    @Test("A crash, junk, a wrong id, silence or a flood is an error for that case; the adapter restarts for the next",
          .enabled(if: hasPython, "python3 is not installed"), arguments: [
        ("crash", "the adapter exited with status 3"),
        ("junk", "malformed reply: the line is not a JSON object (not valid JSON (at byte 0))"),
        ("wrong-id", "the reply is for another case"),
        ("silent", "no reply within 4 s"),
        ("flood", "a reply line exceeds 262144 bytes"),
    ])
    func faultsAreErrors(fault: String, reason: String) async {
        let cases = Self.three
        // Long enough for a (re)started Python adapter to answer on two cores busy with the other suites and other
        // builds (2 s was not, in a CI run); only the silent adapter waits it out, and its reason ("no reply within
        // 4 s") shows the wait was bounded by the timeout.
        let (implementation, results) = await Self.run(Self.fault(fault, on: [cases[1].id]), cases, timeout: fault == "silent" ? 4 : 15) {
            $0.maxLineBytes = 1 << 18
        }
        #expect(implementation?.name == "faulty-adapter")
        #expect(results.map(\.verdict) == [.pass, .error, .pass])
        #expect(results[1].got == reason)
        #expect(results[2].notes.contains("adapter restarted"))
    }

    @Test("A grandchild that leaves the adapter's process group and keeps its output open cannot hold the run",
          .enabled(if: hasPython, "python3 is not installed"), .timeLimit(.minutes(1)))
    func escapedGrandchild() async {
        let cases = Self.three
        let (implementation, results) = await Self.run(Self.fault("setsid-child", on: [cases[1].id]), cases, timeout: 5)
        #expect(implementation?.name == "faulty-adapter")
        #expect(results.map(\.verdict) == [.pass, .error, .pass])
        #expect(results[1].got == "the adapter exited with status 5")
    }

    @Test("Each lie is a fail that names what is wrong", .enabled(if: hasPython, "python3 is not installed"), arguments: [
        ("drop-member", 0, "Username dropped"),
        ("change-body", 1, "EventId differs from the parameter (36 scalars given, 44 sent)"),
        ("unsigned", 1, "AdminUpdateAuthEventFeedback signature: no Authorization header"),
        ("wrong-region", 1, "SigV4 credential scope names the region eu-west-1, not us-east-1"),
        ("wrong-service", 1, "SigV4 credential scope names the service cognito-identity, not cognito-idp"),
        ("stale-date", 1, "X-Amz-Date is about 20 minutes from the current time"),
        ("wrong-host", 0, "addressed to another host than the configured endpoint's (cognito-idp.us-east-1.amazonaws.com)"),
    ])
    func liesFail(fault: String, index: Int, reason: String) async {
        let cases = Self.three
        let (_, results) = await Self.run(Self.fault(fault, on: [cases[index].id]), cases)
        #expect(results[index].verdict == .fail)
        #expect(results[index].got?.contains(reason) == true, "\(results[index].got ?? "")")
        #expect(results.enumerated().allSatisfy { $0.offset == index || $0.element.verdict == .pass })
    }

    @Test("A protocol deviation is named, passes by default and fails a strict run", .enabled(if: hasPython, "python3 is not installed"),
          arguments: [
        ("sign-update", 0, "signs-optional-auth-operation", "UpdateAuthEventFeedback carries an Authorization header; the model marks it unauthenticated"),
        ("raw-type", 2, "misreads-namespaced-error-type", "surfaced com.amazonaws.cognitoidentityprovider#NotAuthorizedException instead of NotAuthorizedException"),
    ])
    func protocolDeviations(fault: String, index: Int, finding: String, reason: String) async {
        let cases = Self.three
        let (_, results) = await Self.run(Self.fault(fault, on: [cases[index].id]), cases)
        #expect(results.map(\.verdict) == [.pass, .pass, .pass])
        #expect(results[index].deviations.map(\.finding) == [finding])
        #expect(results[index].got?.contains(reason) == true, "\(results[index].got ?? "")")
        let (_, strict) = await Self.run(Self.fault(fault, on: [cases[index].id]), cases) { $0.strict = true }
        #expect(strict[index].verdict == .fail)
    }

    @Test("An adapter that normalises usernames fails every vector whose username is not in NFC",
          .enabled(if: hasPython, "python3 is not installed"))
    func normalisingFails() async throws {
        let decomposed = ClientCase.cases(for: try Vectors.for(.client), answers: false).filter {
            guard let name = $0.parameters[.username] else { return false }
            return !name.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(name.unicodeScalars)
        }
        try #require(!decomposed.isEmpty)
        let (_, results) = await Self.run(Self.fault("normalise"), Array(decomposed.prefix(6)))
        for result in results {
            #expect(result.verdict == .fail && result.got?.contains("Username differs from the parameter (normalised") == true,
                    "\(result.id): \(result.got ?? "")")
        }
    }

    @Test("An adapter that never starts: every case is an error, the rest given up after the limit, no implementation",
          .enabled(if: hasPython, "python3 is not installed"))
    func neverStarts() async {
        let cases = Self.three + Self.three
        let (implementation, results) = await Self.run(Self.fault("crash-start"), cases) { $0.maxConsecutiveFailures = 2 }
        #expect(implementation == nil)
        #expect(results.allSatisfy { $0.verdict == .error })
        #expect(results.prefix(2).allSatisfy { $0.got == "the adapter exited with status 4" })
        #expect(results.dropFirst(2).allSatisfy { $0.got == "not run: the adapter failed 2 times in a row" })
    }

    @Test("An adapter that dies at start-up is explained: the end of its standard error names the missing module, and the command to try by hand",
          .enabled(if: hasPython, "python3 is not installed"))
    func startupFailureExplained() async throws {
        var options = ClientRunner.Options(command: ["python3", "-c", "import no_such_module_xyz"])
        options.timeout = .seconds(15)
        let run = await ClientRunner(options: options).perform(cases: Self.three)
        #expect(run.implementation == nil)
        let failure = try #require(run.adapterFailure)
        #expect(failure.caseID == Self.three[0].id && failure.reason == "the adapter exited with status 1")
        #expect(failure.standardError.first == "Traceback (most recent call last):")
        #expect(failure.standardError.last == "ModuleNotFoundError: No module named 'no_such_module_xyz'")
        #expect(failure.command == "python3 -c 'import no_such_module_xyz'")
        #expect(run.results[0].got == "the adapter exited with status 1")
        #expect(run.results[0].notes.contains(
            "the adapter's standard error ended with: ModuleNotFoundError: No module named 'no_such_module_xyz'"))
    }

    @Test("An adapter that exits after 3 cases is explained: its last standard error lines, for the case it died on",
          .enabled(if: hasPython, "python3 is not installed"))
    func midRunExitExplained() async throws {
        let fourth = try #require(Vectors.for(.client).first { vector in !Self.three.contains { $0.id == vector.id } })
        let cases = Self.three + [try #require(ClientCase(vector: fourth))]
        var options = ClientRunner.Options(command: Self.fault("raise", on: [cases[3].id]) + ["--other-args", "it's quoted"])
        options.timeout = .seconds(15)
        let run = await ClientRunner(options: options).perform(cases: cases)
        #expect(run.implementation?.name == "faulty-adapter")
        #expect(run.results.map(\.verdict) == [.pass, .pass, .pass, .error])
        let failure = try #require(run.adapterFailure)
        #expect(failure.caseID == cases[3].id && failure.reason == "the adapter exited with status 1")
        #expect(failure.standardError.first == "Traceback (most recent call last):")
        #expect(failure.standardError.last == "RuntimeError: the fixture gave up on \(cases[3].id)")
        #expect(failure.command == "python3 \(Self.fixture) raise --on \(cases[3].id) --other-args 'it'\\''s quoted'")
        #expect(run.results[3].notes.contains("the adapter's standard error ended with: RuntimeError: the fixture gave up on \(cases[3].id)"))
    }

    @Test("The end of a chatty adapter's standard error is kept bounded: 20 lines of its last 4 KiB, control characters escaped")
    func chattyStandardErrorIsBounded() async throws {
        // 200,000 lines (about 3 MB, far over a pipe's buffer) before the start reply: the adapter must not block on them.
        let script = #"for i in $(seq 1 200000); do echo "line $i"; done >&2; printf 'last\033[2J line\n' >&2; exit 7"#
        var options = ClientRunner.Options(command: ["sh", "-c", script])
        options.timeout = .seconds(60)
        let run = await ClientRunner(options: options).perform(cases: Array(Self.three.prefix(1)))
        let failure = try #require(run.adapterFailure)
        #expect(failure.reason == "the adapter exited with status 7")
        #expect(failure.standardError.count == 20)
        #expect(failure.standardError.first == "line 199982")
        #expect(failure.standardError.last == "last\\u{1B}[2J line")
    }

    @Test("A missing adapter command is told apart from one that starts and crashes, and is not tried again")
    func missingCommand() async {
        let (implementation, results) = await Self.run(["/nonexistent/adapter"], Self.three)
        #expect(implementation == nil && results.count == 3 && results.allSatisfy { $0.verdict == .error })
        #expect(results[0].got == "/nonexistent/adapter: the command was not found (or is not executable)")
        #expect(results.dropFirst().allSatisfy { $0.got == "not run: the adapter command was not found" })
    }

    @Test("The run's deadline turns the cases not yet started into errors", .enabled(if: hasPython, "python3 is not installed"))
    func deadline() async {
        let (_, results) = await Self.run(Self.fault("silent", on: [Self.three[0].id]), Self.three, timeout: 5) { $0.deadline = .seconds(0.5) }
        #expect(results.map(\.verdict) == [.error, .error, .error])
        #expect(results[0].got == "no reply within 0.5 s" || results[0].got?.hasPrefix("no reply within 0.") == true, "\(results[0].got ?? "")")
        #expect(results[1].got == "not run: the run's deadline of 0.5 s passed")
    }

    @Test("Values an adapter echoes (error messages, stderr) never reach a result", .enabled(if: hasPython, "python3 is not installed"))
    func leaksAreWithheld() async throws {
        let cases = ClientCase.cases(for: try Vectors.for(.client).selecting("username-pattern.*") { $0.id.hasPrefix("username-pattern.") }, answers: false)
        let (_, results) = await Self.run(Self.fault("leak"), cases)
        #expect(results.allSatisfy { $0.verdict == .error })
        #expect(results.contains { $0.got == "the adapter reported an error (message withheld: it may hold a value)" })
        #expect(leakedValues(results, cases).isEmpty)
    }

    /// Every report format of `results`, rendered with the run's redactor.
    static func reports(_ results: [CaseResult]) -> [ReportFormat: String] {
        let redactor = Redactor(vectors: Vectors.library?.vectors ?? [], cases: ClientCase.answerCases, credentials: [.test])
        let report = ConformanceReport(implementation: .init(kind: "client", name: "faulty-adapter", target: "t"), tool: "0",
                                       started: Date(timeIntervalSince1970: 0), seconds: 1, results: results)
        return Dictionary(uniqueKeysWithValues: ReportFormat.allCases.map { ($0, $0.render(report, redactor: redactor)) })
    }

    @Test("A username with a backslash, reported JSON-escaped (\\\\ and \\\"), reaches no report format",
          .enabled(if: hasPython, "python3 is not installed"))
    func jsonEscapedBackslashUsernameIsWithheld() async throws {
        let vector = try #require(Vectors.named("username-pattern.ascii-printable.update"))
        let cases = try [#require(ClientCase(vector: vector))]
        let (_, results) = await Self.run(Self.fault("leak-json"), cases)
        #expect(results.map(\.verdict) == [.error])
        // Letters and digits are written as they are by every escape the adapter or a report uses.
        for (format, text) in Self.reports(results) {
            #expect(!text.contains("ABCDEFGHIJKLMNOPQRSTUVWXYZ") && !text.contains("0123456789"), "\(format): \(text)")
        }
    }

    @Test("A token hidden behind its trailing line feed in another case's reason reaches no report format",
          .enabled(if: hasPython, "python3 is not installed"))
    func tokenBehindControlCharacterIsWithheld() async throws {
        let cases = ClientCase.cases(for: try Vectors.for(.client).filter { $0.id.hasPrefix("feedback-token.") }, answers: false)
        try #require(cases.contains { $0.id == "feedback-token.trailing-newline.update" } && cases.count > 1)
        let (_, results) = await Self.run(Self.fault("unsupported-text") + ["--text", "no abc.def\n"], cases)
        #expect(results.contains { $0.verdict == .unimplemented })
        for (format, text) in Self.reports(results) {
            #expect(!text.lowercased().contains("abc.def"), "\(format)")
        }
    }

    @Test("Every adapter process is reaped: no child survives the run", .enabled(if: hasPython, "python3 is not installed"))
    func noZombies() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("adapter-pids-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        let cases = Self.three
        // Every process the runner starts records its pid as it starts, through its own environment (not this
        // process's): a shell that writes it, then becomes the adapter (exec keeps the pid). So one killed before
        // Python is up, on a busy machine, is counted too; how many restarts there are depends on that machine.
        func recorded(_ command: [String]) -> [String] {
            ["sh", "-c", "echo $$ >> \"$SPAWNED_PID_FILE\"; exec \"$@\"", "sh"] + command
        }
        _ = await Self.run(recorded(Self.fault("silent", on: [cases[0].id])), cases, timeout: 0.5) {  // killed, restarted, stopped
            $0.environment = ["SPAWNED_PID_FILE": pidFile.path]
        }
        _ = await Self.run(recorded(Self.fault("flood", on: [cases[1].id])), cases, timeout: 2) {
            $0.maxLineBytes = 1 << 16
            $0.environment = ["SPAWNED_PID_FILE": pidFile.path]
        }
        let pids = try String(contentsOf: pidFile, encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
        #expect(pids.count >= 4, "each run starts an adapter and restarts it after its fault")
        for pid in pids {
            #expect(kill(pid, 0) == -1 && errno == ESRCH, "process \(pid) is still there (running or a zombie)")
        }
    }

    @Test("A flooding adapter's line is cut at the limit: memory stays bounded", .enabled(if: hasPython, "python3 is not installed"))
    func floodIsBounded() throws {
        let adapter = try AdapterProcess(command: Self.fault("flood"), maxLineBytes: 1 << 16)
        defer { adapter.terminate(grace: 0) }
        try adapter.send(AdapterCommand.start(StartCommand(region: "us-east-1", endpoint: "https://h", credentials: .test)).jsonLine, timeout: 5)
        _ = try adapter.receiveLine(timeout: 5)
        try adapter.send(AdapterCommand.run(RunCommand(Self.three[0])).jsonLine, timeout: 5)
        #expect(throws: AdapterProcess.Failure.self) { try adapter.receiveLine(timeout: 5) }
        #expect(adapter.peakBufferedBytes > 1 << 16 && adapter.peakBufferedBytes <= (1 << 16) + (1 << 16))
    }
}
