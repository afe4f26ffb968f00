import FeedbackLint
import Foundation
import FeedbackTestSupport
import Testing

/// The bulk linter, driven in process on descriptors.
@Suite("Linter: lines in order")
struct LinterLineOrderTests {
    @Test("Each line's result, in order, with the worst status")
    func linesInOrder() throws {
        let input = try TemporaryFile(#"{"UserPoolId":"us-east-1_a","Username":"u","EventId":"e","FeedbackValue":"Valid"}"# + "\n{}\n",
                                      suffix: ".jsonl")
        let descriptor = open(input.path, O_RDONLY)
        defer { close(descriptor) }
        var out: [UInt8] = []
        var complaints: [String] = []
        let status = Linter(operation: .adminUpdateAuthEventFeedback, format: .text)
            .lintLines(from: descriptor, source: "in", write: { out += $0; return true }, complain: { complaints.append($0) })
        #expect(status == 1)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.hasPrefix("in:1: valid\nin:2: InvalidParameterException: UserPoolId required"))
        #expect(complaints.isEmpty)
    }
}
