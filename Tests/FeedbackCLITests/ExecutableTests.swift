import Foundation
import Testing

/// The built `cognito-feedback` binary, run as a user runs it.
@Suite("The cognito-feedback executable")
struct ExecutableTests {
    /// The executable beside the test bundle (SwiftPM builds both into one folder).
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        return testBinary.deletingLastPathComponent().appendingPathComponent("cognito-feedback")
    }

    static func run(_ arguments: [String], stdin: String, closeStdoutEarly: Bool = false) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        if closeStdoutEarly { try output.fileHandleForReading.close() }
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = closeStdoutEarly ? Data() : output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test("Exit status and output reach the shell: 0 valid, 1 invalid, 2 unusable")
    func exitStatus() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let valid = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Valid"}"#
        #expect(try Self.run(["lint", "--operation", "admin"], stdin: valid).status == 0)
        let invalid = try Self.run(["lint", "--operation", "admin", "--format", "json"], stdin: valid.replacingOccurrences(of: "Valid", with: "valid"))
        #expect(invalid.status == 1 && invalid.output.contains("\"errorType\":\"InvalidParameterException\""))
        let unusable = try Self.run(["lint", "--operation", "admin"], stdin: "{")
        #expect(unusable.status == 2 && unusable.output.isEmpty && unusable.error == "cognito-feedback: error: stdin: the body is not valid JSON\n")
    }

    @Test("A closed standard output ends a bulk run quietly instead of killing it with SIGPIPE")
    func closedStdout() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let line = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Valid"}"#
        let result = try Self.run(["lint", "--operation", "admin", "--jsonl"], stdin: String(repeating: line + "\n", count: 20_000), closeStdoutEarly: true)
        #expect(result.status == 0)
    }
}
