@_spi(UnsafeOutput) import FeedbackLint
import FeedbackRules

/// `cognito-feedback lint`: judges request bodies as the service would.
enum LintCommand {
    static let help = """
        USAGE: cognito-feedback lint --operation <operation> [--format <format>] [--jsonl]
                                     [--quiet] [--jobs <n>] [<file>|- ...]

        Judges the JSON request bodies in each <file> (or standard input, the
        default or '-') as Amazon Cognito would, and prints what it would answer.
        A file holds one body, or a JSON array of bodies (each judged on its own),
        or with --jsonl one body per line.

        OPTIONS:
          --operation <operation>  UpdateAuthEventFeedback or AdminUpdateAuthEventFeedback
                                   (also: update, admin). Required.
          --format <format>        text (default): one line per violation, for people:
                                     FILE[:LINE[:COLUMN]]: ErrorType: Member constraint: message
                                   json: one object per body and line, with file, line (and
                                     column for array elements), valid, errorType, message
                                     and violations (member, path, constraint, message).
                                   github: GitHub Actions annotations (::error file=,line=,col=::)
                                     at each failing member's value.
                                   sarif: a SARIF 2.1.0 log, one rule per constraint, each
                                     result at the member's file, line and column.
                                   junit: a JUnit XML report, one test case per body.
          --jsonl                  One body per line (JSON Lines); blank lines are skipped.
                                   Results come in input order, with line numbers. An
                                   unusable line gets its own result and the rest still runs;
                                   a pretty-printed document gets one, saying to drop --jsonl.
          -q, --quiet              Print failures only (invalid bodies, unusable input).
          -j, --jobs <n>           Threads judging --jsonl input, 1 to 16 (default: the number
                                   of processors). The output is the same for any number.
          -h, --help               Show this help.

        A summary goes to standard error: bodies, valid, invalid, unusable.
        Unusable input (not JSON, not UTF-8, not an object) is reported with its line
        and column. A NUL byte is taken for binary input: that input is read no further.
        Memory stays flat: about 30 MB plus twice the judged members' values, whatever
        the size of the input, its lines, or anything else its bodies hold.

        EXIT STATUS:
          0  every body is valid
          1  some body is invalid
          2  some input is unusable (unreadable or missing file, empty, not UTF-8, not
             JSON, not an object), or a usage error
          3  the results could not be written (standard output closed or full)

        Sensitive members (Username, FeedbackToken) are never shown, as the service
        omits them from its own messages.

        EXAMPLES:
          echo '{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"valid"}' \\
            | cognito-feedback lint --operation admin
          stdin: InvalidParameterException: FeedbackValue enum: Value 'valid' at 'feedbackValue' failed \\
            to satisfy constraint: Member must satisfy enum value set: [Valid, Invalid]

          cognito-feedback lint --operation update --jsonl --format sarif requests.jsonl > lint.sarif
        """

    static func run(_ arguments: ArraySlice<String>, io: ToolIO) throws(UsageError) -> Int32 {
        let args = try Arguments(arguments, options: ["--operation", "--format", "--jobs", "-j"],
                                 switches: ["--jsonl", "--quiet", "-q", "--help", "-h"])
        if !args.switches.isDisjoint(with: ["--help", "-h"]) { io.output.write(help + "\n"); return 0 }
        guard let name = args.values["--operation"] else {
            throw UsageError("lint needs --operation UpdateAuthEventFeedback|AdminUpdateAuthEventFeedback")
        }
        let operation = try FeedbackOperation(argument: name)
        let formats = LintFormat.allCases.map(\.rawValue)
        guard let format = LintFormat(rawValue: try args.choice("--format", formats, default: "text")) else {
            throw UsageError("--format must be one of: \(formats.joined(separator: ", "))")
        }
        var jobs = min(Linter.processorCount, Linter.maximumJobs)
        if let value = args.values["--jobs"] ?? args.values["-j"] {
            guard let count = Int(value), (1...Linter.maximumJobs).contains(count) else {
                throw UsageError("--jobs must be a number from 1 to \(Linter.maximumJobs)")
            }
            jobs = count
        }
        let paths = args.positionals.isEmpty ? ["-"] : args.positionals
        let inputs = paths.map { $0 == "-" ? LintInput.standardInput(io.standardInput) : .file($0) }
        let linter = Linter(operation: operation, format: format, jsonLines: args.switches.contains("--jsonl"),
                            quiet: !args.switches.isDisjoint(with: ["--quiet", "-q"]), jobs: jobs, toolVersion: Tool.version)
        let summary = linter.lint(inputs, unsafeWrite: { io.output.write($0) })
        io.error("cognito-feedback: lint: \(summary)")
        // Standard output's own failure is told when it is flushed; the
        // linter's only other output is JUnit's spool (a temporary file).
        if summary.outputFailed, io.output.failure == nil {
            io.error("cognito-feedback: error: the results could not all be written (the temporary file --format junit keeps them in failed)")
            return Tool.outputFailed
        }
        return summary.exitStatus
    }
}

extension FeedbackOperation {
    /// Parses an operation name from the command line: its full name or
    /// `update` / `admin`, in any case.
    init(argument: String) throws(UsageError) {
        let name = argument.lowercased()
        if name == "update" { self = .updateAuthEventFeedback; return }
        if name == "admin" { self = .adminUpdateAuthEventFeedback; return }
        guard let match = FeedbackOperation.allCases.first(where: { $0.rawValue.lowercased() == name }) else {
            throw UsageError("--operation must be UpdateAuthEventFeedback or AdminUpdateAuthEventFeedback")
        }
        self = match
    }
}
