// The engine against the two ways users validate today, per request kind,
// with wall time percentiles, throughput and malloc counts.
//
//   swift package --disable-sandbox benchmark                 # full run
//   swift package --disable-sandbox benchmark baseline update # save to .benchmarkBaselines
//   swift package --disable-sandbox benchmark baseline check  # compare with the saved baseline
//
// One iteration validates every request of the kind's corpus once; the
// figures are per request because each corpus is scaled by its size below
// (`scalingFactor` multiplies the loop; divide by the corpus size noted in
// the benchmark name).
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

    for (name, requests) in corpora {
        // The engine: one thousand passes over the corpus per iteration.
        Benchmark("validate \(name) ×\(requests.count)") { benchmark in
            for _ in benchmark.scaledIterations {
                for request in requests { blackHole(request.validate().isValid) }
            }
        }
    }
    let regex = SwiftRegexValidator(), nsregex = NSRegexValidator()
    for (name, requests) in corpora {
        // The baselines are ~10-100× slower: one pass per scaled iteration is plenty.
        Benchmark("swift-regex \(name) ×\(requests.count)", configuration: .init(scalingFactor: .one)) { benchmark in
            for _ in benchmark.scaledIterations { for request in requests { blackHole(regex.failures(request)) } }
        }
        Benchmark("nsregex \(name) ×\(requests.count)", configuration: .init(scalingFactor: .one)) { benchmark in
            for _ in benchmark.scaledIterations { for request in requests { blackHole(nsregex.failures(request)) } }
        }
    }
    // Allocations of one validate(): 0 for a valid request, a few for an invalid one.
    let valid = Corpus.requests(.asciiValid)[0], invalid = Corpus.requests(.invalidUsername)[0]
    Benchmark("mallocs validate valid ×1", configuration: .init(metrics: [.mallocCountTotal], scalingFactor: .one)) { _ in
        blackHole(valid.validate())
    }
    Benchmark("mallocs validate invalid ×1", configuration: .init(metrics: [.mallocCountTotal], scalingFactor: .one)) { _ in
        blackHole(invalid.validate())
    }
}
