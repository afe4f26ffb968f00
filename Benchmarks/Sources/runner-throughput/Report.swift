import Foundation

/// The table of a run: requests per second of each side, the runner's
/// overhead per request, the ratio, and the process's CPU time per request.
enum Report {
    /// Prints `rounds`, whose passes sent `vectors` vectors each.
    static func print(_ rounds: Rounds, vectors: Int, roundCount: Int, smoke: Bool) {
        let count = Double(vectors)
        /// Requests per second from seconds per pass: median (interquartile range).
        func rate(_ seconds: Samples) -> String {
            String(format: "%5.0f (%5.0f–%5.0f)", count / seconds.median, count / seconds.upperQuartile,
                   count / seconds.lowerQuartile)
        }
        /// Microseconds per request from seconds per pass.
        func micro(_ seconds: Double) -> String { String(format: "%6.1f", seconds / count * 1e6) }
        Swift.print("""
            runner-throughput: \(vectors) server vectors a pass, \(roundCount) round\(roundCount == 1 ? "" : "s")\
            \(smoke ? " (smoke: no warm-up)" : ""), in-process loopback server.
            req/s: vectors / wall time of a pass (a run also sends 2 probes, counted as its overhead).
            Medians over rounds (interquartile range). ratio: runner wall time / baseline wall time, per round.
            CPU: the whole process's user+system time per vector (client, transport and server threads).

            conc.  runner req/s          baseline req/s        overhead µs/req  ratio                CPU µs/req: runner  baseline  overhead
            """)
        for concurrency in rounds.concurrencies {
            guard let runner = rounds.runner[concurrency], let baseline = rounds.baseline[concurrency],
                  let ratio = rounds.ratios[concurrency] else { continue }
            Swift.print(String(format: "%-6d ", concurrency) + rate(runner.wall) + "   " + rate(baseline.wall) + "   "
                + String(format: "%14.1f   ", (runner.wall.median - baseline.wall.median) / count * 1e6)
                + String(format: "%4.2f× (%4.2f–%4.2f)   ", ratio.median, ratio.lowerQuartile, ratio.upperQuartile)
                + "        " + micro(runner.cpu.median) + "    " + micro(baseline.cpu.median) + "    "
                + micro(runner.cpu.median - baseline.cpu.median))
        }
        Swift.print("\nSlowest–fastest round, req/s:")
        for concurrency in rounds.concurrencies {
            guard let runner = rounds.runner[concurrency], let baseline = rounds.baseline[concurrency],
                  let ratio = rounds.ratios[concurrency] else { continue }
            Swift.print(String(format: "  concurrency %d: runner %.0f–%.0f, baseline %.0f–%.0f, ratio %.2f–%.2f×", concurrency,
                               count / runner.wall.max, count / runner.wall.min, count / baseline.wall.max,
                               count / baseline.wall.min, ratio.min, ratio.max))
        }
    }
}
