import FeedbackLint
import FeedbackRules
import FeedbackTestSupport
import Foundation

/// What a lint run wrote, in process.
struct LintedOutput {
    let summary: LintSummary
    let bytes: [UInt8]
    var text: String { String(decoding: bytes, as: UTF8.self) }
    var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
}

/// Lints `contents` (each a file's bytes) with `linter`, in process.
func lint(_ contents: [[UInt8]], _ linter: Linter) throws -> LintedOutput {
    let files = try contents.map { try TemporaryFile(Data($0), suffix: ".jsonl") }
    return lint(files, linter)
}

/// Lints `files` with `linter`, in process.
func lint(_ files: [TemporaryFile], _ linter: Linter) -> LintedOutput {
    var bytes: [UInt8] = []
    let summary = linter.lint(files.map { .file($0.path) }, write: { bytes += $0; return true })
    return LintedOutput(summary: summary, bytes: bytes)
}

/// Lints one file holding `text`.
func lint(_ text: String, _ linter: Linter) throws -> LintedOutput {
    try lint([Array(text.utf8)], linter)
}

/// A linter for `UpdateAuthEventFeedback`.
func linter(_ format: LintFormat, jsonLines: Bool = true, quiet: Bool = false, jobs: Int = 1,
            operation: FeedbackOperation = .updateAuthEventFeedback) -> Linter {
    Linter(operation: operation, format: format, jsonLines: jsonLines, quiet: quiet, jobs: jobs, toolVersion: "9.9.9")
}

/// Bodies for the tests: valid, invalid in several ways, each on one line.
enum Bodies {
    static let valid = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackToken":"abc.def=","FeedbackValue":"Valid"}"#
    /// FeedbackValue fails its enum (value at column 103).
    static let badEnum = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackToken":"abc.def=","FeedbackValue":"valid"}"#
    /// No UserPoolId; a Username of another JSON type.
    static let wrongType = #"{"Username":42,"EventId":"e1","FeedbackToken":"t","FeedbackValue":"Valid"}"#
    /// Username too long and of a bad pattern, EventId absent.
    static let several = #"{"UserPoolId":"us-east-1_abc","Username":"bad user \#(String(repeating: "x", count: 130))","FeedbackToken":"t","FeedbackValue":"Valid"}"#
}
