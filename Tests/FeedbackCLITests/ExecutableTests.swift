import FeedbackConformance
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

    @Test("lint refuses the bytes of every body-less vector with exit 2, in a line that echoes no value, as the vector allows")
    func lintRefusesLoneSurrogates() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let bodyless = try VectorLibrary.load().vectors.filter { $0.body == nil && $0.flags.contains("LoneSurrogate") }
        try #require(!bodyless.isEmpty, "the lone-surrogates vectors are missing")
        for vector in bodyless {
            let wire = try #require(vector.wire)
            let member = try #require(vector.expected?.violations.first?.member.wireName)
            let value = try #require(Self.valueText(of: member, in: wire), "\(vector.id): no \(member) in the wire text")
            let operation = vector.operation.rawValue
            let single = try Self.run(["lint", "--operation", operation], stdin: wire)
            #expect(single.status == 2, "\(vector.id)")
            #expect(single.output.isEmpty, "\(vector.id)")
            #expect(single.error == "cognito-feedback: error: stdin: the body holds a lone UTF-16 surrogate escape, which cannot be judged here\n",
                    "\(vector.id)")
            let lines = try Self.run(["lint", "--operation", operation, "--jsonl", "--format", "json"], stdin: wire + "\n")
            #expect(lines.status == 2, "\(vector.id)")
            #expect(lines.output == #"{"line":1,"valid":null,"error":"the body holds a lone UTF-16 surrogate escape, which cannot be judged here"}"# + "\n",
                    "\(vector.id)")
            // Neither the escaped text nor the readable part of the value ("alice" of "alice\ud83d") shows.
            let readable = value.replacing(/\\u[0-9a-fA-F]{4}/, with: "")
            for text in [single.output, single.error, lines.output, lines.error] {
                #expect(!text.contains(value) && (readable.isEmpty || !text.contains(readable)), "\(vector.id): the \(member) value shows")
            }
            // A refusal is what the vector allows besides Cognito's own answer.
            #expect(vector.mismatch(.refused(.loneSurrogate)) == nil, "\(vector.id)")
        }
    }

    @Test("lint exits 2 on the wire bytes of every malformed or empty body vector, with one line that echoes no value")
    func lintRefusesMalformedBodies() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let vectors = try VectorLibrary.load().vectors.filter { $0.flags.contains("MalformedBody") || $0.flags.contains("EmptyBody") }
        try #require(vectors.count >= 20, "the malformed-bodies vectors are missing")
        for vector in vectors {
            let wire = try #require(vector.wire)
            let run = try Self.run(["lint", "--operation", vector.operation.rawValue], stdin: wire)
            #expect(run.status == 2, "\(vector.id)")
            #expect(run.output.isEmpty, "\(vector.id)")
            #expect(run.error.hasPrefix("cognito-feedback: error: stdin: the body ") && run.error.split(separator: "\n").count == 1,
                    "\(vector.id)")
            for secret in ["alice", "AYADeGV4YW1wbGUtZmVlZGJhY2stdG9rZW4"] {
                #expect(!run.error.contains(secret), "\(vector.id): a value shows")
            }
            // Refusing the body is what these vectors allow (MalformedBody: what they expect).
            #expect(vector.mismatch(.refused(.notJSON)) == nil, "\(vector.id)")
        }
    }

    /// The text of `member`'s string value in a wire text, escapes as written.
    static func valueText(of member: String, in wire: String) -> String? {
        guard let start = wire.range(of: "\"\(member)\":\"") else { return nil }
        let rest = wire[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    @Test("A closed standard output ends a bulk run quietly instead of killing it with SIGPIPE")
    func closedStdout() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let line = #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Valid"}"#
        let result = try Self.run(["lint", "--operation", "admin", "--jsonl"], stdin: String(repeating: line + "\n", count: 20_000), closeStdoutEarly: true)
        #expect(result.status == 0)
    }

    @Test("--jsonl streams 1,000,000 lines with flat memory: peak resident size under 100 MB")
    func millionLines() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first (swift build)")
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["lint", "--operation", "admin", "--jsonl"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let lines = 1_000_000, perChunk = 10_000
        let chunk = Data(String(repeating: #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackValue":"Valid"}"# + "\n", count: perChunk).utf8)
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            for _ in 0..<(lines / perChunk) { writer.write(chunk) }
            try? writer.close()
        }
        // Read the results; sample the peak resident size (VmHWM, which only grows) while the process runs.
        var judged = 0
        var peak: Int?
        while true {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            judged += data.withUnsafeBytes { raw in raw.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            if let sample = line.flatMap({ Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }) { peak = sample }
        }
        process.waitUntilExit()
        #expect(judged == lines)
        #expect(process.terminationStatus == 0)
        let kilobytes = try #require(peak, "VmHWM of the running process")
        #expect(kilobytes < 100 * 1024, "peak resident size \(kilobytes) kB")
    }
}
