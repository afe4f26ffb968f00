import FeedbackCLI
import FeedbackTestSupport
import Foundation
import Testing

/// Runs the tool in process on temporary files and captures what it writes.
struct ToolRun {
    let status: Int32
    let output: String
    let error: [String]

    /// Everything the run printed, for redaction checks.
    var everything: String { output + error.joined(separator: "\n") }

    /// Runs `cognito-feedback arguments…`; `stdin`, when given, is fed as standard input.
    init(_ arguments: [String], stdin: Data = Data()) async throws {
        let input = try TemporaryFile(stdin)
        let handle = try #require(FileHandle(forReadingAtPath: input.path))
        var output = ""
        var error: [String] = []
        let io = ToolIO(standardInput: handle.fileDescriptor, output: OutputSink(collect: { output += String(decoding: $0, as: UTF8.self) }),
                        error: { error.append($0) })
        status = Tool.finish(await Tool.run(arguments, io: io), io: io)
        try handle.close()
        self.output = output
        self.error = error
    }

    /// The output's lines, each parsed as a JSON object.
    func jsonLines() throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }
}
