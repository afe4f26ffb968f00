import FeedbackLint
import FeedbackRules
import FeedbackTestSupport
import FeedbackVectors
import Foundation
import Testing

/// `--jobs N` splits JSON Lines across threads; the output is the same,
/// byte for byte, as with one.
@Suite("lint --jobs")
struct ParallelJobsTests {
    /// Every rules vector's wire text as one line (its line feeds, white
    /// space, turned into spaces), the whole set four times over: several
    /// blocks of 1,024 lines.
    static func vectorLines() throws -> [UInt8] {
        var lines: [UInt8] = []
        for _ in 0..<4 {
            for vector in try Vectors.for(.rules) {
                lines += vector.wireBytes.map { $0 == 0x0A ? 0x20 : $0 }
                lines.append(0x0A)
            }
        }
        return lines
    }

    /// Lines of every kind, over several blocks: valid, invalid, unusable,
    /// blank, CRLF, pretty-printed documents, lines longer than a block
    /// (128 KiB).
    static var generatedLines: [UInt8] {
        var text = ""
        let pretty = "{\n  \"UserPoolId\": \"us-east-1_abc\",\n  \"Username\": \"alice\"\n}\n"
        for index in 0..<3_000 {
            switch index % 12 {
            case 0: text += Bodies.valid + "\n"
            case 1: text += Bodies.badEnum + "\r\n"
            case 2: text += Bodies.wrongType + "\n"
            case 3: text += "\n   \n"
            case 4: text += #"{"UserPoolId":"us-east-1_\#(index)","Username":"山田\u592a郎\#(index)","EventId":"e\#(index)","FeedbackValue":"Valid"}"# + "\n"
            case 5: text += "not json \(index)\n"
            case 6: text += pretty
            case 7: text += Bodies.several + "\n"
            case 8: text += "[1,2]\n"
            case 9 where index % 1_500 == 9: text += #"{"Username":"\#(String(repeating: "x", count: 140_000))"}"# + "\n"
            default: text += #"{"UserPoolId":"us-east-1_\#(index)","EventId":"evt \#(index)"}"# + "\n"
            }
        }
        return Array(text.utf8)
    }

    @Test("--jobs 2 (and 3) write what --jobs 1 writes, byte for byte, in every format: the vectors and a generated file",
          arguments: LintFormat.allCases)
    func sameOutput(_ format: LintFormat) throws {
        for input in [try Self.vectorLines(), Self.generatedLines] {
            #expect(input.count { $0 == 0x0A } > 2 * 1_024, "several blocks")
            let file = try TemporaryFile(Data(input), suffix: ".jsonl")
            let one = lint([file], linter(format, jobs: 1))
            for jobs in format == .text ? [2, 3] : [2] {
                let many = lint([file], linter(format, jobs: jobs))
                let same = many.bytes == one.bytes  // compared apart: a failed #expect would diff megabytes
                #expect(same, "--jobs \(jobs), \(format): \(Self.firstDifference(many.bytes, one.bytes))")
                #expect(many.summary == one.summary)
            }
            #expect(one.summary.bodies > 2_000)
        }
    }

    /// Where two outputs part, for a failure's message.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        guard let index = a.indices.first(where: { $0 >= b.count || a[$0] != b[$0] }) ?? (a.count == b.count ? nil : a.count) else {
            return "none"
        }
        let from = max(0, index - 200)
        return "at byte \(index): \(String(decoding: a[from..<min(a.count, index + 200)], as: UTF8.self)) ≠ \(String(decoding: b[from..<min(b.count, index + 200)], as: UTF8.self))"
    }

    @Test("Past a NUL byte nothing more is read, with any number of jobs")
    func stopsAtBinaryInput() throws {
        var input = Array(String(repeating: Bodies.valid + "\n", count: 20_000).utf8)
        input += [0x7B, 0x00, 0x0A]
        input += Array(String(repeating: Bodies.badEnum + "\n", count: 20_000).utf8)
        for jobs in [1, 2] {
            let output = try lint([input], linter(.json, jobs: jobs))
            #expect(output.summary.valid == 20_000 && output.summary.invalid == 0 && output.summary.unusable == 1)
            #expect(output.lines.last?.contains("a NUL byte: binary input, read no further") == true)
        }
    }
}
