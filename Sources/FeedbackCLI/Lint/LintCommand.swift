import FeedbackLint
import FeedbackRules
import Foundation

/// `cognito-feedback lint`: judges request bodies as the service would.
enum LintCommand {
    static let help = """
        USAGE: cognito-feedback lint --operation <operation> [--format text|json] [--jsonl] [<file>|-]

        Judges the JSON request body in <file> (or standard input, the default
        or '-') as Amazon Cognito would, and prints what it would answer.

        OPTIONS:
          --operation <operation>  UpdateAuthEventFeedback or AdminUpdateAuthEventFeedback
                                   (also: update, admin). Required.
          --format text|json       text (default): one line per violation, for people.
                                   json: one object per request with valid, errorType,
                                   message and violations (member, path, constraint, message).
          --jsonl                  The input holds one body per line; one result per line,
                                   in order, each with its line number. Unusable lines get
                                   an error result and the rest still runs.
          -h, --help               Show this help.

        EXIT STATUS:
          0  every request is valid
          1  some request is invalid
          2  unusable input (unreadable file, empty, not UTF-8, not JSON, not an object)
             or a usage error

        Sensitive members (Username, FeedbackToken) are never shown, as the service
        omits them from its own messages.

        EXAMPLE:
          echo '{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"valid"}' \\
            | cognito-feedback lint --operation admin
          stdin: InvalidParameterException: FeedbackValue enum: Value 'valid' at 'feedbackValue' failed \\
            to satisfy constraint: Member must satisfy enum value set: [Valid, Invalid]
        """

    static func run(_ arguments: ArraySlice<String>, io: ToolIO) throws(UsageError) -> Int32 {
        let args = try Arguments(arguments, options: ["--operation", "--format"], switches: ["--jsonl", "--help", "-h"])
        if !args.switches.isDisjoint(with: ["--help", "-h"]) { io.output.write(help + "\n"); return 0 }
        guard let name = args.values["--operation"] else {
            throw UsageError("lint needs --operation UpdateAuthEventFeedback|AdminUpdateAuthEventFeedback")
        }
        let operation = try FeedbackOperation(argument: name)
        guard let format = LintFormat(rawValue: try args.choice("--format", LintFormat.allCases.map(\.rawValue), default: "text")) else {
            throw UsageError("--format must be text or json")
        }
        guard args.positionals.count <= 1 else { throw UsageError("lint takes one input file") }
        let path = args.positionals.first ?? "-"
        let source = path == "-" ? "stdin" : path
        let handle: FileHandle
        if path == "-" {
            handle = io.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                io.error("cognito-feedback: error: \(path): no such file"); return 2
            }
            guard !isDirectory.boolValue, let opened = FileHandle(forReadingAtPath: path) else {
                io.error("cognito-feedback: error: \(path): cannot be read" + (isDirectory.boolValue ? " (a directory)" : "")); return 2
            }
            handle = opened
        }
        let linter = Linter(operation: operation, format: format)
        let write: ([UInt8]) -> Bool = { io.output.write($0) }
        let complain: (String) -> Void = { io.error("cognito-feedback: error: \($0)") }
        if args.switches.contains("--jsonl") {
            return linter.lintLines(from: handle.fileDescriptor, source: source, write: write, complain: complain)
        }
        return linter.lintBody(from: handle.fileDescriptor, source: source, write: write, complain: complain)
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
