// Times the engine against the Swift Regex and NSRegularExpression baselines
// in one process, interleaved, and prints the ratio per request kind.
//
//   swift run -c release speed-ratio [rounds]
import BenchmarkSupport
@_spi(Benchmarks) import FeedbackReference
import FeedbackRules
import Foundation

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 15

/// Validates every request of `requests` once, walking the array: each
/// element is copied out first, a cost of the caller's, not the validator's.
@inline(never)
func validateInArray<V: Validator>(_ validator: V, _ requests: [UpdateAuthEventFeedbackRequest]) -> Int {
    var passed = 0
    for request in requests where validator.accepts(request) { passed &+= 1 }
    return passed
}

/// Nanoseconds per validation: the median over `rounds` rounds of the mean.
func nanoseconds(validations: Int, _ round: () -> Int) -> Double {
    var samples: [Double] = []
    var sink = 0
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        sink &+= round()
        let elapsed = ContinuousClock.now - start
        let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        samples.append(ns / Double(validations))
    }
    precondition(sink >= 0)
    return samples.sorted()[samples.count / 2]
}

/// Per validation of a request the caller holds: the corpus walked `passes`
/// times per round, each request validated ``repeatsPerRequest`` times.
func heldNanoseconds<V: Validator>(_ validator: V, _ requests: [UpdateAuthEventFeedbackRequest], calls: Int) -> Double {
    let passes = max(1, calls / (requests.count * repeatsPerRequest))
    return nanoseconds(validations: passes * requests.count * repeatsPerRequest) {
        var sink = 0
        for _ in 0..<passes {
            for request in requests { sink &+= validateHeld(validator, request, repeats: repeatsPerRequest) }
        }
        return sink
    }
}

var corpora: [(String, [UpdateAuthEventFeedbackRequest])] = RequestKind.allCases.map { ($0.rawValue, Corpus.requests($0)) }
corpora.append(("mixed", Corpus.mixed()))

let engine = EngineValidator(), regex = SwiftRegexValidator(), nsregex = NSRegexValidator()

// The validators must agree on what fails before their speed means anything.
for (name, requests) in corpora {
    for request in requests {
        precondition(engine.failures(request) == regex.failures(request), "engine and Swift Regex disagree on \(name)")
        precondition(engine.accepts(request) == regex.accepts(request), "engine and Swift Regex disagree on \(name)")
    }
}

print("Nanoseconds per validation of a request the caller holds (median of \(rounds) rounds);")
print("'in array': the engine walking the corpus array, with the caller's copy of each element.")
print("kind               engine ns   regex ns  nsregex ns   vs regex  vs nsregex   in array")
for (name, requests) in corpora {
    let engineNs = heldNanoseconds(engine, requests, calls: 400_000)
    let regexNs = heldNanoseconds(regex, requests, calls: 2_000)
    let nsregexNs = heldNanoseconds(nsregex, requests, calls: 8_000)
    let passes = max(1, 100_000 / requests.count)
    let inArray = nanoseconds(validations: passes * requests.count) {
        var sink = 0
        for _ in 0..<passes { sink &+= validateInArray(engine, requests) }
        return sink
    }
    func f(_ x: Double, _ w: Int) -> String { let s = String(format: "%.1f", x); return String(repeating: " ", count: max(0, w - s.count)) + s }
    print(name.padding(toLength: 17, withPad: " ", startingAt: 0), f(engineNs, 10), f(regexNs, 10), f(nsregexNs, 11),
          f(regexNs / engineNs, 9) + "×", f(nsregexNs / engineNs, 9) + "×", f(inArray, 10))
}

// Long values: 10 MB each. Both validators are linear on them: the pool ID
// pattern is whole-matched, so a backtracking engine retries at most once
// per `_` and each retry stops at the next `_`.
print("\nLong values, 10 MB (milliseconds: median of \(rounds) rounds for the engine, one run of Swift Regex)")
print("value                       engine ms   regex ms     ratio")
/// Milliseconds per call of `work`, the median of `rounds` calls.
func milliseconds(rounds: Int, _ work: () -> Bool) -> Double {
    var samples: [Double] = []
    var matched = 0
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        if work() { matched += 1 }
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
    }
    precondition(matched >= 0)
    return samples.sorted()[samples.count / 2]
}
let reference = RegexReference()
for (label, value, pattern) in [
    ("token AAAA…A", String(repeating: "A", count: 10_000_000), Pattern.feedbackToken),
    ("pool-ID-shaped a_a_…a_-", String(repeating: "a_", count: 5_000_000) + "-", Pattern.userPoolId),
] {
    precondition(reference.matches(pattern, value) == pattern.matches(value), "engine and Swift Regex disagree on \(label)")
    let engineMs = milliseconds(rounds: rounds) { pattern.matches(value) }
    let regexMs = milliseconds(rounds: 1) { reference.matches(pattern, value) }
    print(label.padding(toLength: 25, withPad: " ", startingAt: 0), String(format: "%10.2f %10.1f %8.0f×", engineMs, regexMs, regexMs / engineMs))
}
