@testable import FeedbackLint
import FeedbackRules
import FeedbackTestSupport
import Foundation
import Testing

/// `--format github`: workflow commands the Actions runner reads as
/// annotations, one per violation, escaped as its grammar requires.
@Suite("lint --format github")
struct GitHubFormatTests {
    /// `::error file=…,line=…,col=…,title=…::message`: properties without a
    /// raw `:` `,` `%` CR or LF, a message without a raw `%` CR or LF (a `%`
    /// only as the start of an escape).
    nonisolated(unsafe) static let command = /^::error (?:file=(?<file>(?:[^,:%\r\n]|%[0-9A-F]{2})*),)?(?:line=(?<line>\d+),)?(?:col=(?<column>\d+),)?title=(?<title>[^,:%\r\n]+)::(?<message>(?:[^%\r\n]|%[0-9A-F]{2})*)$/

    @Test("Every line is one workflow command, at the member's value (the body's start when absent)")
    func grammar() throws {
        let input = [Bodies.valid, Bodies.badEnum, Bodies.several, "{\"Username\": tru}"].joined(separator: "\n")
        let output = try lint(input, linter(.github))
        #expect(output.lines.count == 5, "nothing for the valid body; one line per violation")
        for line in output.lines {
            let match = try #require(try Self.command.wholeMatch(in: String(line)), "\(line)")
            #expect(match.output.file?.hasSuffix(".jsonl") == true)
        }
        let enumLine = try #require(output.lines.first { $0.contains("title=FeedbackValue/enum") })
        let column = Bodies.badEnum.distance(from: Bodies.badEnum.startIndex, to: Bodies.badEnum.range(of: #""valid""#)!.lowerBound) + 1
        #expect(enumLine.contains("line=2,col=\(column),"))
        #expect(output.lines.contains { $0.contains("line=3,col=1,title=EventId/required::InvalidParameterException: Value null at 'eventId'") })
        #expect(output.lines.last?.hasPrefix("::error file=") == true && output.lines.last?.contains("line=4,col=17,title=input/unusable::not valid JSON") == true)
    }

    @Test("A message escapes %, CR and LF; a property also : and ,")
    func escaping() {
        #expect(GitHubResults.escapedData("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d")
        #expect(GitHubResults.escapedProperty("dir,1/a:b%.jsonl\n") == "dir%2C1/a%3Ab%25.jsonl%0A")
    }

    @Test("A file name with , and : stays one property; a value with % and controls stays one message")
    func escapedInOutput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lint a,b:c \(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bodies.jsonl").path
        let body = #"{"UserPoolId":"100%\r\n::error ::x","Username":"a","EventId":"e","FeedbackToken":"t","FeedbackValue":"Valid"}"#
        try Data((body + "\n").utf8).write(to: URL(fileURLWithPath: path))
        var bytes: [UInt8] = []
        _ = linter(.github).lint([.file(path)], write: { bytes += $0; return true })
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1)
        let match = try #require(try Self.command.wholeMatch(in: String(lines[0])))
        #expect(match.output.file?.contains("lint a%2Cb%3Ac ") == true)
        #expect(match.output.message.contains("Value '100%25\\u{D}\\u{A}::error ::x' at 'userPoolId'"))
    }

    @Test("Standard input has no file property; valid bodies write nothing")
    func standardInput() throws {
        let file = try TemporaryFile(Bodies.valid + "\n" + Bodies.badEnum + "\n")
        let handle = try #require(FileHandle(forReadingAtPath: file.path))
        var bytes: [UInt8] = []
        _ = linter(.github).lint([.standardInput(handle.fileDescriptor)], write: { bytes += $0; return true })
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("::error line=2,col=") && !text.contains("file="))
        #expect(text.split(separator: "\n").count == 1)
    }
}
