import Foundation
import FeedbackConformance
import FeedbackRunner

/// `cognito-feedback conform`: runs the vectors against a server over HTTP
/// or a client through an adapter, and writes a report a CI job can gate on.
enum ConformCommand {
    static let help = """
        USAGE: cognito-feedback conform server --endpoint <url> [options]
               cognito-feedback conform client [options] -- <adapter command> [<argument>...]

        Checks an implementation you did not write against the conformance vectors.

        server  Sends every server vector as the real awsJson1.1 request (POST /,
                X-Amz-Target, the vector's body bytes; the Admin operation SigV4-signed
                with test credentials) and judges each answer.
        client  Starts the adapter command and speaks the adapter protocol
                (Conformance/PROTOCOL.md) over its standard input and output: the
                client builds each request, and surfaces canned service answers.

        VERDICTS: pass, fail (expected vs got), unimplemented (the implementation says
        the operation does not exist), error (no usable answer: refused, timeout,
        reset, garbage, oversized, crashed adapter). Compliance = pass / total.

        OPTIONS:
          --endpoint <url>         (server) The server's base URL, e.g. http://127.0.0.1:5000.
          --strict                 (server) Also compare the validation message, part by part.
          --region <region>        Region for SigV4 signing (default us-east-1).
          --concurrency <n>        (server) Requests in flight at once (default 4).
          --timeout <seconds>      Per request or adapter reply, whole seconds (default 10).
          --deadline <seconds>     Bound on the whole run (default 600); unfinished cases
                                   are errors.
          --name <name>            (server) The name to give the implementation in the report.
          --expect <file>          An expectation file of known issues (see Conformance/README.md):
                                   known failures do not fail the run; known failures
                                   that now pass do, so the file is kept honest.
          --format text|json|junit The report's format (default text).
          --output <file>          Write the report to <file>; a one-line summary goes to
                                   standard output.
          --quiet                  No progress lines on standard error.
        \(VectorSelection.help)
          -h, --help               Show this help.

        EXIT STATUS: 0 when no case fails the run, 1 when some do, 2 on usage or set-up
        errors (bad options, unreadable vectors or expectation file, an adapter that
        cannot be started).

        EXAMPLES:
          moto_server -p 5000 &
          cognito-feedback conform server --endpoint http://127.0.0.1:5000 \\
              --expect Conformance/expectations/moto-server.json
          cognito-feedback conform client --format junit --output botocore.xml \\
              --expect Conformance/expectations/botocore.json \\
              -- python3 Conformance/adapters/botocore/adapter.py

        No report, log or progress line ever holds a Username or FeedbackToken value.
        """

    static func run(_ arguments: ArraySlice<String>, io: ToolIO) async throws(UsageError) -> Int32 {
        var arguments = arguments
        let kind = arguments.popFirst()
        if kind == nil || kind == "-h" || kind == "--help" { io.output.write(help + "\n"); return 0 }
        guard kind == "server" || kind == "client" else {
            throw UsageError("conform needs 'server' or 'client' first; see 'cognito-feedback conform --help'")
        }
        let args = try Arguments(
            arguments,
            options: VectorSelection.options.union([
                "--endpoint", "--region", "--concurrency", "--timeout", "--deadline", "--name", "--expect", "--format", "--output",
            ]),
            switches: ["--strict", "--quiet", "--help", "-h"])
        if !args.switches.isDisjoint(with: ["--help", "-h"]) { io.output.write(help + "\n"); return 0 }
        let format = ReportFormat(rawValue: try args.choice("--format", ReportFormat.allCases.map(\.rawValue), default: "text"))!
        let timeout = try args.number("--timeout", default: 10, range: 1...3600)
        let deadline = try args.number("--deadline", default: 600, range: 1...86_400)
        let region = args.values["--region"] ?? "us-east-1"
        let knownIssues = try args.values["--expect"].map { path throws(UsageError) in
            do { return try KnownIssues(contentsOf: URL(fileURLWithPath: path)) } catch { throw UsageError("\(error)") }
        }
        let selection = try VectorSelection(args)
        let progress = ProgressLine(io: io, quiet: args.switches.contains("--quiet"))
        let started = Date()
        let clock = ContinuousClock.now

        let implementation: ConformanceReport.Implementation
        var results: [CaseResult]
        var settings = ["timeout": "\(timeout)", "deadline": "\(deadline)", "region": region]
        if kind == "server" {
            guard args.positionals.isEmpty else { throw UsageError("conform server takes no arguments; did you mean --endpoint?") }
            guard let endpoint = args.values["--endpoint"], let url = URL(string: endpoint),
                  ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
            else { throw UsageError("conform server needs --endpoint with an http or https URL") }
            var options = ServerRunner.Options(endpoint: url)
            options.strict = args.switches.contains("--strict")
            options.timeout = timeout
            options.deadline = Double(deadline)
            options.concurrency = try args.number("--concurrency", default: 4, range: 1...256)
            options.region = region
            settings["strict"] = "\(options.strict)"
            settings["concurrency"] = "\(options.concurrency)"
            let vectors = selection.vectors.filter { $0.appliesTo.contains(.server) }
            guard !vectors.isEmpty else { throw UsageError("no server vector matches the filters") }
            results = await ServerRunner(options: options).run(vectors, progress: progress.update)
            implementation = .init(kind: "server", name: args.values["--name"] ?? url.host ?? endpoint, target: endpoint)
        } else {
            guard !args.positionals.isEmpty else {
                throw UsageError("conform client needs the adapter command after '--', e.g. -- python3 adapter.py")
            }
            var options = ClientRunner.Options(command: args.positionals)
            options.timeout = Double(timeout)
            options.deadline = Double(deadline)
            options.region = region
            let cases = ClientCase.cases(for: selection.vectors.filter { $0.appliesTo.contains(.client) }, answers: false)
                + selection.answerCases
            guard !cases.isEmpty else { throw UsageError("no client vector or answer case matches the filters") }
            let run = await ClientRunner(options: options).run(cases: cases, progress: progress.update)
            guard let introduced = run.implementation else {
                progress.finish()
                io.error("cognito-feedback: error: the adapter did not start: \(run.results.first?.got ?? "no reply to 'start'")")
                return 2
            }
            implementation = introduced
            results = run.results
        }
        progress.finish()
        if let knownIssues { results = knownIssues.apply(to: results) }
        let report = ConformanceReport(
            implementation: implementation, tool: Tool.version, started: started,
            seconds: (ContinuousClock.now - clock).seconds, settings: settings, results: results)
        let rendered = format.render(report)
        if let path = args.values["--output"] {
            do { try Data(rendered.utf8).write(to: URL(fileURLWithPath: path)) } catch {
                io.error("cognito-feedback: error: cannot write \(path)"); return 2
            }
            let summary = report.summary
            io.output.write("\(report.passed ? "PASSED" : "FAILED"): \(summary.pass)/\(summary.total) pass (\(String(format: "%.1f", summary.compliance)) %), "
                + "\(summary.fail) fail, \(summary.unimplemented) unimplemented, \(summary.error) error; report in \(path)\n")
        } else {
            io.output.write(rendered)
        }
        return report.passed ? 0 : 1
    }
}

extension Arguments {
    /// The integer value of `name`, within `range`.
    func number(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}

