// The engine against the two ways users validate today, per request kind,
// with wall time percentiles, throughput and malloc counts.
//
//   swift package --disable-sandbox benchmark                 # full run
//   swift package --disable-sandbox benchmark baseline update # save to .benchmarkBaselines
//   swift package --disable-sandbox benchmark baseline check  # compare with the saved baseline
//
// One iteration validates every request of the kind's corpus four times
// in a row; divide the times by the count in the benchmark's name for one
// validation (`scalingFactor` then multiplies the loop: kilo for the engine).
import Benchmark
import BenchmarkSupport
import FeedbackRules
import Foundation

/// `BENCHMARK_SMOKE=1`: a few iterations each, so CI proves the benchmarks
/// still build and run without spending minutes measuring.
let smoke = ProcessInfo.processInfo.environment["BENCHMARK_SMOKE"] != nil

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: smoke ? 0 : 10,
        scalingFactor: .kilo,
        maxDuration: smoke ? .milliseconds(50) : .seconds(2),
        maxIterations: smoke ? 3 : 1_000
    )

    var corpora: [(String, [UpdateAuthEventFeedbackRequest])] = RequestKind.allCases.map { ($0.rawValue, Corpus.requests($0)) }
    corpora.append(("mixed", Corpus.mixed()))

    // One iteration validates each request of the corpus `repeatsPerRequest`
    // times in a row, held as a parameter (see `validateHeld`): names read
    // `<validator> <kind> ×<validations per iteration>`.
    func add<V: Validator>(_ validator: V, _ label: String, _ name: String, _ requests: [UpdateAuthEventFeedbackRequest],
                           scaling: BenchmarkScalingFactor) {
        Benchmark("\(label) \(name) ×\(requests.count * repeatsPerRequest)", configuration: .init(scalingFactor: scaling)) {
            benchmark in
            for _ in benchmark.scaledIterations {
                for request in requests { blackHole(validateHeld(validator, request, repeats: repeatsPerRequest)) }
            }
        }
    }
    let engine = EngineValidator(), regex = SwiftRegexValidator(), nsregex = NSRegexValidator()
    for (name, requests) in corpora {
        add(engine, "validate", name, requests, scaling: .kilo)
        // The baselines are 50-300× slower: one pass per scaled iteration is plenty.
        add(regex, "swift-regex", name, requests, scaling: .one)
        add(nsregex, "nsregex", name, requests, scaling: .one)
    }

    // Allocations: validate() records the verdict in place, valid or not;
    // reading the violations builds them.
    let valid = Corpus.requests(.asciiValid)[0], invalid = Corpus.requests(.invalidPoolId)[0]
    let mallocs = Benchmark.Configuration(metrics: [.mallocCountTotal], scalingFactor: .one)
    Benchmark("mallocs validate valid ×1", configuration: mallocs) { _ in blackHole(valid.validate().isValid) }
    Benchmark("mallocs validate invalid ×1", configuration: mallocs) { _ in blackHole(invalid.validate().isValid) }
    Benchmark("mallocs violations of invalid ×1", configuration: mallocs) { _ in
        blackHole(invalid.validate().violations)
    }
}
