import FeedbackAdapterProtocol
import FeedbackConformance
import FeedbackRules
import FeedbackSystem
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs the client cases against a client adapter (`Conformance/PROTOCOL.md`)
/// and judges each outcome (`ClientJudge`).
///
/// ```swift
/// let library = try VectorLibrary.load()
/// let runner = ClientRunner(options: .init(command: ["python3", "Conformance/adapters/botocore/adapter.py"]))
/// let (implementation, results) = await runner.run(library.vectors(for: .client))
/// ```
///
/// The adapter's crashes, timeouts and malformed replies are `error`
/// results for the case at hand, not the end of the run: the adapter is
/// stopped and started again (with a new `start`) for the next case. After
/// ``Options/maxConsecutiveFailures`` failures in a row, or once the run's
/// ``Options/deadline`` has passed, the remaining cases are `error` without
/// being run. The adapter is always stopped and reaped at the end.
public struct ClientRunner: Sendable {
    /// How to run the adapter.
    public struct Options: Sendable {
        /// The adapter command and its arguments (`["python3", "adapter.py"]`).
        public var command: [String]
        /// How long to wait for each reply (and for `start`).
        public var timeout: Duration = .seconds(10)
        /// How long the whole run may take; cases not started by then are `error`.
        public var deadline: Duration = .seconds(600)
        /// The clocks the run reads (a test's manual clock).
        var clock: RunClock = .system
        /// The region the client is configured with.
        public var region = "us-east-1"
        /// The endpoint the client is configured with; no request reaches it.
        /// By default the region's: `https://cognito-idp.<region>.amazonaws.com`.
        public var endpoint: String?

        /// The endpoint the client is given: ``endpoint``, else the region's.
        public var effectiveEndpoint: String { endpoint ?? "https://cognito-idp.\(region).amazonaws.com" }
        /// The fake credentials the client signs with, and the runner verifies.
        public var credentials = AWSCredentials.test
        /// Whether `protocol` deviations fail a case too (`--strict`), not
        /// only `service` ones (`Severity`).
        public var strict = false
        /// Whether to add the canned-answer cases (`ClientCase.answerCases`).
        public var answerCases = true
        /// Failures in a row after which the adapter is given up.
        public var maxConsecutiveFailures = 5
        /// The longest reply line accepted, in bytes.
        public var maxLineBytes = 1 << 20
        /// Let the adapter's standard error through (it may show values).
        public var forwardStderr = false
        /// Variables added to the adapter's environment.
        public var environment: [String: String] = [:]
        /// The run's filter for what the adapter wrote to standard error
        /// (``ClientRun/AdapterFailure/standardError``); by default one over
        /// the cases' sensitive values and ``credentials``. Each line is
        /// also checked against its case's own values, at any length.
        public var redactor: Redactor?

        /// Options for `command`, everything else default.
        public init(command: [String]) {
            self.command = command
        }
    }

    /// The options.
    public let options: Options

    /// Creates a runner.
    public init(options: Options) {
        self.options = options
    }

    /// The cases a run over `vectors` has: the client vectors, then the
    /// answer cases if ``Options/answerCases``.
    public func cases(for vectors: [Vector]) -> [ClientCase] {
        ClientCase.cases(for: vectors.filter { $0.appliesTo.contains(.client) }, answers: options.answerCases)
    }

    /// Implementation as the adapter introduced itself (nil if it never did) + results in case order.
    public func run(_ vectors: [Vector], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in })
        async -> (implementation: ConformanceReport.Implementation?, results: [CaseResult])
    {
        await run(cases: cases(for: vectors), progress: progress)
    }

    /// Runs given cases (a subset, or cases of your own), on a thread of its
    /// own: the adapter is driven with blocking, bounded waits.
    public func run(cases: [ClientCase], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in })
        async -> (implementation: ConformanceReport.Implementation?, results: [CaseResult])
    {
        let run = await perform(cases: cases, progress: progress)
        return (run.implementation, run.results)
    }

    /// Runs given cases as ``run(cases:progress:)`` does, and also tells
    /// why the adapter first failed, with the end of its standard error
    /// (filtered) and the command to try it by hand.
    public func perform(cases: [ClientCase], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async -> ClientRun {
        await withCheckedContinuation { continuation in
            let run: @Sendable () -> Void = {
                var session = Session(options: options, cases: cases)
                continuation.resume(returning: session.run(cases, progress: progress))
            }
            // No thread to be had: run here rather than not at all.
            if !SystemThread.detach(run) { run() }
        }
    }
}

/// One run's adapter, restarts and results; used on one thread.
private struct Session {
    let options: ClientRunner.Options
    let judge: ClientJudge
    let redactor: Redactor
    var adapter: AdapterProcess?
    var implementation: ConformanceReport.Implementation?
    var restarted = false
    /// Whether the adapter command does not exist: then no case is tried again.
    var commandMissing = false
    /// The first time the adapter failed.
    var adapterFailure: ClientRun.AdapterFailure?

    init(options: ClientRunner.Options, cases: [ClientCase]) {
        self.options = options
        redactor = options.redactor ?? Redactor(vectors: [], cases: cases, credentials: [options.credentials])
        let endpoint = URLComponents(string: options.effectiveEndpoint)
        let host = endpoint?.host.map { WireRequest.hostHeader(scheme: endpoint?.scheme ?? "https", host: $0, port: endpoint?.port) }
        judge = ClientJudge(credentials: options.credentials, region: options.region, host: host, strict: options.strict)
    }

    mutating func run(_ cases: [ClientCase], progress: @Sendable (Int, Int) -> Void) -> ClientRun {
        let clock = options.clock
        let deadline = clock.now() + max(.zero, options.deadline)
        var results: [CaseResult] = []
        var failures = 0
        for (index, item) in cases.enumerated() {
            let expected = judge.expectation(for: item)
            if commandMissing {
                results.append(CaseResult(id: item.id, verdict: .error, expected: expected,
                                          got: "not run: the adapter command was not found"))
            } else if failures >= options.maxConsecutiveFailures {
                results.append(CaseResult(id: item.id, verdict: .error, expected: expected,
                                          got: "not run: the adapter failed \(failures) times in a row"))
            } else if clock.now() >= deadline {
                results.append(CaseResult(id: item.id, verdict: .error, expected: expected,
                                          got: "not run: the run's deadline of \(options.deadline.seconds) s passed"))
            } else {
                let begin = clock.now()
                var result = runCase(item, until: deadline)
                result.milliseconds = (clock.now() - begin).milliseconds
                failures = result.verdict == .error && adapter == nil ? failures + 1 : 0
                results.append(result)
            }
            progress(index + 1, cases.count)
        }
        if let adapter {
            try? adapter.send(AdapterCommand.stop.jsonLine, timeout: 1)
            adapter.terminate(grace: 2)
        }
        adapter = nil
        return ClientRun(implementation: implementation, results: results, adapterFailure: adapterFailure)
    }

    /// One case; on any adapter failure the adapter is ended (and `nil`).
    mutating func runCase(_ item: ClientCase, until deadline: ContinuousClock.Instant) -> CaseResult {
        let expected = judge.expectation(for: item)
        var notes: [String] = []
        do throws(AdapterProcess.Failure) {
            if adapter == nil {
                try launch(until: deadline)
                if restarted { notes.append("adapter restarted") }
            }
            restarted = true
            var result = try ClientRunner.result(of: try exchange(.run(RunCommand(item)), until: deadline), for: item, judge: judge)
            result.notes = notes + result.notes
            return result
        } catch {
            let standardError = (adapter?.standardErrorTail() ?? []).map { shown($0, of: item) }
            adapter?.terminate(grace: 0)
            adapter = nil
            // A command that does not exist will not appear by trying again.
            if error.kind == .notFound { commandMissing = true }
            if adapterFailure == nil, error.kind != .notFound {
                adapterFailure = ClientRun.AdapterFailure(caseID: item.id, reason: error.description, standardError: standardError,
                                                          command: redactor.filtered(ShellQuote.line(options.command)))
            }
            if let last = standardError.last {
                notes.append("the adapter's standard error ended with: " + last)
            }
            return CaseResult(id: item.id, verdict: .error, expected: expected, got: error.description, notes: notes)
        }
    }

    /// A line of the adapter's standard error as it may be shown: control
    /// characters escaped, at most 300 scalars, then withheld whole when it
    /// holds a value of `item` (at any length) or of the run.
    func shown(_ line: String, of item: ClientCase) -> String {
        let text = TerminalText.escaped(line, limit: 300)
        guard ClientJudge.scrub(line, of: item) != nil, ClientJudge.scrub(text, of: item) != nil, !redactor.holdsSecret(line) else {
            return Redactor.placeholder
        }
        return redactor.filtered(text)
    }

    /// Starts the adapter and sends `start`.
    mutating func launch(until deadline: ContinuousClock.Instant) throws(AdapterProcess.Failure) {
        adapter = try AdapterProcess(command: options.command, maxLineBytes: options.maxLineBytes, forwardStderr: options.forwardStderr,
                                      environment: options.environment)
        let start = StartCommand(region: options.region, endpoint: options.effectiveEndpoint, credentials: options.credentials)
        switch try exchange(.start(start), until: deadline) {
        case .started(let introduced):
            implementation = ConformanceReport.Implementation(
                kind: "client", name: introduced.name, version: introduced.version, language: introduced.language,
                target: options.command.joined(separator: " "))
        case .failed:
            throw AdapterProcess.Failure(.malformed, "the adapter refused to start")
        case .outcome:
            throw AdapterProcess.Failure(.malformed, "a run reply where the start reply was due")
        }
    }

    /// Sends one command and reads its reply.
    func exchange(_ command: AdapterCommand, until deadline: ContinuousClock.Instant) throws(AdapterProcess.Failure) -> AdapterReply {
        guard let adapter else { throw AdapterProcess.Failure(.exited, "the adapter is not running") }
        let left = options.clock.now().duration(to: deadline)
        let timeout = min(options.timeout.seconds, max(0.001, left.seconds))
        try adapter.send(command.jsonLine, timeout: timeout)
        let line = try adapter.receiveLine(timeout: timeout)
        do { return try AdapterReply(line: line) } catch {
            throw AdapterProcess.Failure(.malformed, "malformed reply: \(error)")
        }
    }
}

extension ClientRunner {
    /// What an adapter's reply to `item` comes to: the judged outcome, or
    /// the adapter's own error; a reply that cannot be one is a failure.
    /// The adapter's texts (an `unsupported` reason, an error message) are
    /// shown only if they hold none of the case's sensitive values.
    static func result(of reply: AdapterReply, for item: ClientCase, judge: ClientJudge) throws(AdapterProcess.Failure)
        -> CaseResult
    {
        switch reply {
        case .outcome(let id, let outcome) where id.utf8.elementsEqual(item.id.utf8):
            if case .unsupported(let reason) = outcome {
                return judge.judge(item, .unsupported(ClientJudge.scrub(reason, of: item) ?? "(reason withheld: it may hold a value)"))
            }
            return judge.judge(item, outcome)
        case .outcome:
            throw AdapterProcess.Failure(.malformed, "the reply is for another case")
        case .failed(_, let message):
            let shown = ClientJudge.scrub(message, of: item).map { ": \($0)" } ?? " (message withheld: it may hold a value)"
            return CaseResult(id: item.id, verdict: .error, expected: judge.expectation(for: item),
                              got: "the adapter reported an error" + shown)
        case .started:
            throw AdapterProcess.Failure(.malformed, "a start reply where a run reply was due")
        }
    }
}
