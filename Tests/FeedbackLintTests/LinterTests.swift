import FeedbackLint
import FeedbackRules
import Foundation
import Testing

/// `Linter` driven directly, over a pipe, as `lint --jsonl` drives it.
@Suite("Linter")
struct LinterTests {
    /// Lints `lines` (joined with line feeds) through a pipe; the exit
    /// status, the results and the complaints.
    static func lint(_ lines: [String], format: LintFormat = .json) throws -> (status: Int32, output: String, complaints: [String]) {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        let input = Array((lines.joined(separator: "\n") + "\n").utf8)
        // Small inputs fit the pipe's buffer: written whole before reading.
        try #require(input.count < 16 * 1024)
        #expect(input.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } == input.count)
        close(ends[1])
        defer { close(ends[0]) }
        var output: [UInt8] = []
        var complaints: [String] = []
        let status = Linter(operation: .adminUpdateAuthEventFeedback, format: format)
            .lintLines(from: ends[0], source: "test.jsonl", write: { output += $0; return true }, complain: { complaints.append($0) })
        return (status, String(decoding: output, as: UTF8.self), complaints)
    }

    @Test("Each line gets its own result in order, with its number; the worst outcome sets the status")
    func linesInOrder() throws {
        let valid = #"{"UserPoolId":"us-east-1_abc","Username":"linter-canary-name","EventId":"e1","FeedbackValue":"Valid"}"#
        let invalid = valid.replacingOccurrences(of: "\"Valid\"", with: "\"valid\"")
        let run = try Self.lint([valid, invalid, "{"])
        #expect(run.status == 2)
        let results = run.output.split(separator: "\n").map { String($0) }
        #expect(results.count == 3)
        #expect(results[0].contains("\"line\":1") && results[0].contains("\"valid\":true"))
        #expect(results[1].contains("\"line\":2") && results[1].contains("\"errorType\":\"InvalidParameterException\""))
        #expect(results[2].contains("\"line\":3") && results[2].contains("\"valid\":null,\"error\":"))
        #expect(run.complaints == ["test.jsonl: 1 of 3 lines could not be judged"])
        #expect(!run.output.contains("linter-canary-name"), "a Username value reached the output")
    }

    @Test("Valid lines only: status 0; an invalid one: status 1")
    func statuses() throws {
        let valid = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Invalid"}"#
        #expect(try Self.lint([valid, valid]).status == 0)
        #expect(try Self.lint([valid, valid.replacingOccurrences(of: "e1", with: "")]).status == 1)
    }
}
