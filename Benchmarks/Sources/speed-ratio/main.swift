// Times the engine against the Swift Regex and NSRegularExpression baselines
import Foundation
// in one process, interleaved, and prints the ratio per request kind.
//
//   swift run -c release speed-ratio [rounds]
import BenchmarkSupport
import FeedbackRules

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 15
let validators: [(String, any Validator)] = [
    ("engine", EngineValidator()), ("swift-regex", SwiftRegexValidator()), ("nsregex", NSRegexValidator()),
]

/// Median nanoseconds per request over `rounds` rounds of at least ~20 ms each.
func nanosecondsPerRequest(_ validator: any Validator, _ requests: [UpdateAuthEventFeedbackRequest], iterations: Int) -> Double {
    var samples: [Double] = []
    var sink = 0
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        requests.withUnsafeBufferPointer { requests in
            for _ in 0..<iterations { for index in requests.indices { sink &+= validator.failures(requests[index]) } }
        }
        let elapsed = ContinuousClock.now - start
        let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        samples.append(ns / Double(iterations * requests.count))
    }
    precondition(sink >= 0)
    return samples.sorted()[samples.count / 2]
}

var corpora: [(String, [UpdateAuthEventFeedbackRequest])] = RequestKind.allCases.map { ($0.rawValue, Corpus.requests($0)) }
corpora.append(("mixed", Corpus.mixed()))

// The validators must agree on what fails before their speed means anything.
for (name, requests) in corpora {
    for request in requests {
        let engine = EngineValidator().failures(request)
        let regex = validators[1].1.failures(request)
        precondition(engine == regex, "engine and Swift Regex disagree on \(name)")
    }
}

print("kind               engine ns   regex ns  nsregex ns   vs regex  vs nsregex")
for (name, requests) in corpora {
    let engineIterations = max(1, 200_000 / requests.count)
    let engine = nanosecondsPerRequest(validators[0].1, requests, iterations: engineIterations)
    let regex = nanosecondsPerRequest(validators[1].1, requests, iterations: max(1, 2_000 / requests.count))
    let ns = nanosecondsPerRequest(validators[2].1, requests, iterations: max(1, 5_000 / requests.count))
    func f(_ x: Double, _ w: Int) -> String { let s = String(format: "%.1f", x); return String(repeating: " ", count: max(0, w - s.count)) + s }
    print(name.padding(toLength: 17, withPad: " ", startingAt: 0), f(engine, 10), f(regex, 10), f(ns, 11), f(regex / engine, 9) + "×", f(ns / engine, 9) + "×")
}
