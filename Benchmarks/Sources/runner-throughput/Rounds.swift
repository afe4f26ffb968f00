/// What the rounds of a run measured, per concurrency.
struct Rounds {
    /// Wall and CPU seconds per pass of one side, one value a round.
    struct Side {
        /// Wall-clock seconds per pass.
        var wall = Samples()
        /// Process CPU seconds per pass.
        var cpu = Samples()

        /// Adds a round's reading.
        mutating func add(_ reading: Stopwatch.Reading) {
            wall.append(reading.wall)
            cpu.append(reading.cpu)
        }
    }

    /// The concurrencies measured, in order.
    let concurrencies: [Int]
    /// The conformance runs.
    private(set) var runner: [Int: Side] = [:]
    /// The baseline passes.
    private(set) var baseline: [Int: Side] = [:]
    /// Runner wall time over baseline wall time, one value a round.
    private(set) var ratios: [Int: Samples] = [:]

    /// Runs `rounds` rounds of `passes` at each of `concurrencies`: in each,
    /// one pass of the runner and one of the baseline, in alternating order
    /// so that neither always follows the other. With `warmUp`, one
    /// untimed pass of each comes first.
    static func measure(_ passes: Passes, concurrencies: [Int], rounds: Int, warmUp: Bool) async -> Rounds {
        var measured = Rounds(concurrencies: concurrencies)
        if warmUp {
            for concurrency in concurrencies {
                _ = await passes.runner(concurrency: concurrency)
                _ = await passes.baseline(concurrency: concurrency)
            }
        }
        for round in 0..<rounds {
            for concurrency in concurrencies {
                let runner: Stopwatch.Reading
                let baseline: Stopwatch.Reading
                if round % 2 == 0 {
                    runner = await passes.runner(concurrency: concurrency)
                    baseline = await passes.baseline(concurrency: concurrency)
                } else {
                    baseline = await passes.baseline(concurrency: concurrency)
                    runner = await passes.runner(concurrency: concurrency)
                }
                measured.runner[concurrency, default: Side()].add(runner)
                measured.baseline[concurrency, default: Side()].add(baseline)
                measured.ratios[concurrency, default: Samples()].append(runner.wall / baseline.wall)
            }
        }
        return measured
    }
}
