import FeedbackConformance
import FeedbackRunner
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `cognito-feedback conform`: runs the vectors against a server over HTTP
/// or a client through an adapter, and writes a report a CI job can gate on.
enum ConformCommand {
    static let help = """
        USAGE: cognito-feedback conform server --endpoint <url> | --region <region> [options]
               cognito-feedback conform client [options] -- <adapter command> [<argument>...]
               cognito-feedback conform replay <recording>... [options]
               cognito-feedback conform matrix [options] <report.json>...

        Checks an implementation you did not write against the conformance vectors.

        SUBCOMMANDS:
          server   Sends every server vector as the real awsJson1.1 request and judges
                   each answer. See 'cognito-feedback conform server --help'.
          client   Drives a client SDK through an adapter (Conformance/PROTOCOL.md) and
                   judges each request it builds and each error it surfaces. See
                   'cognito-feedback conform client --help'.
          replay   Judges recorded exchanges (conform server --record) offline against the
                   current vectors. See 'cognito-feedback conform replay --help'.
          matrix   Puts the JSON reports of runs side by side (Markdown or HTML). See
                   'cognito-feedback conform matrix --help'.

        VERDICTS: pass, fail (expected vs got), unimplemented (the implementation says
        the operation does not exist), error (no usable answer). Compliance = pass / total.

        SEVERITY: every deviation is classified. service: the real service is
        documented or observed to behave otherwise (a defect users meet). protocol: a
        deviation from awsJson1.1 or the current model the service is not known to
        expose (signing the optional-auth UpdateAuthEventFeedback, reading the error type
        only from __type, a 2xx other than 200, a message's wording). inferred: the
        expectation rests on indirect evidence or reasoning. A run fails on service
        deviations; with --strict on protocol ones too; never on inferred ones. Every
        report leads with its FINDINGS: each cause once, with its severity and the cases
        it explains.

        EXIT STATUS: 0 when no case fails the run, 1 when some do, 2 on usage or set-up
        errors, 3 when the report cannot be written (standard output or --output's file
        closed or full).

        No report, log or progress line ever holds a Username or FeedbackToken value,
        nor a credential's secret.
        """

    /// The help of `--region` where it only names the signing region
    /// (`conform server` describes its own).
    static let regionHelp = "  --region <region>        Region for SigV4 signing (default us-east-1)."

    /// Options every run takes, with their help text.
    static let commonHelp = """
          --timeout <seconds>      Per request or adapter reply, whole seconds (default 10).
          --deadline <seconds>     Bound on the whole run (default 600); unfinished cases
                                   are errors.
          --expect <file>          An expectation file of known issues (see Conformance/README.md),
                                   by case ids or by finding: known failures do not fail
                                   the run; known failures that now pass (or a listed
                                   finding no case shows) do, so the file is kept honest.
          --format <format>        The report's format: text (default), json, junit (JUnit
                                   XML), or markdown (for a CI job summary).
          --output <file>          Write the report to <file> (opened before the run); a
                                   one-line summary goes to standard output. A file is
                                   replaced whole when the run ends; a symbolic link is
                                   followed (the link stays); a device, a FIFO or
                                   /dev/stdout is written in place, never replaced.
          --quiet                  No progress lines on standard error.
        \(VectorSelection.help)
          -h, --help               Show this help.
        """

    static let commonOptions: Set<String> = VectorSelection.options.union([
        "--region", "--timeout", "--deadline", "--expect", "--format", "--output",
    ])
    static let commonSwitches: Set<String> = ["--quiet", "--help", "-h"]

    static func run(_ arguments: ArraySlice<String>, io: ToolIO) async throws(UsageError) -> Int32 {
        var arguments = arguments
        switch arguments.popFirst() {
        case nil, "-h", "--help", "help":
            io.output.write(help + "\n")
            return 0
        case "server": return try await ServerConformance.run(arguments, io: io)
        case "client": return try await ClientConformance.run(arguments, io: io)
        case "replay": return try await ReplayConformance.run(arguments, io: io)
        case "matrix": return try MatrixCommand.run(arguments, io: io)
        default:
            throw UsageError("conform needs 'server', 'client', 'replay' or 'matrix' first; see 'cognito-feedback conform --help'")
        }
    }
}

/// What every conform run reads from its command line.
struct ConformSettings {
    let format: ReportFormat
    let timeout: Int
    let deadline: Int
    let region: String
    let knownIssues: KnownIssues?
    let selection: VectorSelection
    let quiet: Bool
    let output: OutputFile?

    /// The settings of `args`; `--output` is written through `filter`.
    init(_ args: Arguments, filter: OutputFilter) throws(UsageError) {
        format = ReportFormat(rawValue: try args.choice("--format", ReportFormat.allCases.map(\.rawValue), default: "text"))!
        timeout = try args.number("--timeout", default: 10, range: 1...3600)
        deadline = try args.number("--deadline", default: 600, range: 1...86_400)
        region = args.values["--region"] ?? "us-east-1"
        knownIssues = try args.values["--expect"].map { path throws(UsageError) in
            do { return try KnownIssues(contentsOf: URL(fileURLWithPath: path)) } catch { throw UsageError("\(error)") }
        }
        selection = try VectorSelection(args)
        quiet = args.switches.contains("--quiet")
        output = try args.values["--output"].map { path throws(UsageError) in try OutputFile(path: path, filter: filter) }
    }

    /// The settings a report records.
    var recorded: [String: String] {
        ["timeout": "\(timeout)", "deadline": "\(deadline)", "region": region]
    }

    /// Writes the report (redacted) in the chosen format to `--output` or
    /// standard output; the run's exit status.
    func finish(_ report: ConformanceReport, redactor: Redactor, io: ToolIO) -> Int32 {
        var report = report
        if let knownIssues { report = report.applying(knownIssues) }
        let rendered = format.render(report, redactor: redactor)
        guard let output else {
            io.output.write(rendered)
            return report.passed ? 0 : 1
        }
        do throws(UsageError) {
            try output.commit(rendered)
        } catch {
            io.error("cognito-feedback: error: \(redactor.filtered(TerminalText.escaped(error.message, limit: 400)))")
            return Tool.outputFailed
        }
        let summary = report.summary
        io.output.write(
            "\(report.passed ? "PASSED" : "FAILED"): \(summary.pass)/\(summary.total) pass (\(summary.compliance.fixed(1)) %), "
                + "\(summary.fail) fail, \(summary.unimplemented) unimplemented, \(summary.error) error; report in \(output.path)\n")
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
