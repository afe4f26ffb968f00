// The conformance runner's throughput against a fast in-process loopback
// server, as a ratio against its own transport in the same process.
// See RUNNER.md.
//
//   swift run -c release runner-throughput [ROUNDS]             # default 15 rounds
//   BENCHMARK_SMOKE=1 swift run -c release runner-throughput    # one round, no warm-up: CI
//   runner-throughput profile runner|baseline [PASSES]          # one side only, at concurrency 1, for callgrind
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let smoke = !(ProcessInfo.processInfo.environment["BENCHMARK_SMOKE"] ?? "").isEmpty

// The main thread waits on a semaphore rather than running an async main:
// an async main parks it in dispatch_main, which valgrind 3.19 crashes on.
let finished = DispatchSemaphore(value: 0)
Task.detached { [arguments, smoke] in
    do {
        try await Command.run(arguments, smoke: smoke)
    } catch {
        FileHandle.standardError.write(Data("runner-throughput: \(error)\n".utf8))
        exit(2)
    }
    finished.signal()
}
finished.wait()
