import FeedbackCLI
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
        status = await Tool.run(arguments, io: ToolIO(standardInput: handle, output: { output += $0 }, error: { error.append($0) }))
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

/// A file under the temporary directory, removed when released.
final class TemporaryFile {
    let path: String
    init(_ contents: Data, suffix: String = ".json") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("cognito-feedback-\(UUID().uuidString)\(suffix)").path
        try contents.write(to: URL(fileURLWithPath: path))
    }
    convenience init(_ text: String, suffix: String = ".json") throws { try self.init(Data(text.utf8), suffix: suffix) }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
