import FeedbackConformance
import FeedbackRunner
import Foundation

/// What the program does with its arguments.
enum Command {
    /// Starts the loopback server, loads the server vectors, and either
    /// measures and prints the table (`[ROUNDS]`) or runs one side only
    /// (`profile runner|baseline [PASSES]`, at concurrency 1, for callgrind).
    static func run(_ arguments: [String], smoke: Bool) async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let passes = Passes(vectors: try VectorLibrary.load().vectors(for: .server),
                            endpoint: URL(string: "http://127.0.0.1:\(server.port)")!)
        if arguments.first == "profile" {
            guard arguments.count >= 2, ["runner", "baseline"].contains(arguments[1]) else {
                throw Usage()
            }
            let count = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1
            for _ in 0..<count {
                _ = arguments[1] == "runner" ? await passes.runner(concurrency: 1) : await passes.baseline(concurrency: 1)
            }
            print("profile: \(count) \(arguments[1]) pass\(count == 1 ? "" : "es") of \(passes.vectors.count) vectors")
            return
        }
        guard arguments.count <= 1, let roundCount = arguments.isEmpty ? 15 : Int(arguments[0]), roundCount > 0 else {
            throw Usage()
        }
        let defaultConcurrency = ServerRunner.Options(endpoint: passes.endpoint).concurrency
        let rounds = smoke ? 1 : roundCount
        let measured = await Rounds.measure(passes, concurrencies: [1, defaultConcurrency], rounds: rounds, warmUp: !smoke)
        Report.print(measured, vectors: passes.vectors.count, roundCount: rounds, smoke: smoke)
    }

    /// The arguments are not `[ROUNDS]` or `profile runner|baseline [PASSES]`.
    struct Usage: Error, CustomStringConvertible {
        var description: String { "usage: runner-throughput [ROUNDS] | runner-throughput profile runner|baseline [PASSES]" }
    }
}
