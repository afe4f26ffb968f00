// Times the engine against the Swift Regex and NSRegularExpression baselines
// in one process, interleaved, and prints the ratio per request kind.
//
//   swift run -c release speed-ratio [rounds]
import BenchmarkSupport
import FeedbackRules
import Foundation

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 15

/// Validates `request` `repeats` times. The request is a parameter the
/// caller holds, as in an application that has just decoded it, so the time
/// is the validator's own.
@inline(never)
func validate<V: Validator>(_ validator: V, _ request: UpdateAuthEventFeedbackRequest, repeats: Int) -> Int {
    var sink = 0
    for _ in 0..<repeats { sink &+= validator.accepts(request) ? 1 : 0 }
    return sink
}

/// Validates every request of `requests` once, walking the array: each
/// element is copied out first (five string retains and releases), a cost
/// of the caller's, not of the validator's.
@inline(never)
func validateInArray<V: Validator>(_ validator: V, _ requests: [UpdateAuthEventFeedbackRequest]) -> Int {
    var sink = 0
    for request in requests { sink &+= validator.accepts(request) ? 1 : 0 }
    return sink
}

/// Nanoseconds per request: the median over `rounds` rounds of the mean.
func nanoseconds(_ rounds: Int, requests: Int, _ round: () -> Int) -> Double {
    var samples: [Double] = []
    var sink = 0
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        sink &+= round()
        let elapsed = ContinuousClock.now - start
        let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        samples.append(ns / Double(requests))
    }
    precondition(sink >= 0)
    return samples.sorted()[samples.count / 2]
}

/// Per request of `requests`, each validated `repeats` times in a row, the
/// corpus walked `passes` times per round.
func heldNanoseconds<V: Validator>(_ validator: V, _ requests: [UpdateAuthEventFeedbackRequest], calls: Int) -> Double {
    let repeats = 4
    let passes = max(1, calls / (requests.count * repeats))
    return nanoseconds(rounds, requests: passes * requests.count * repeats) {
        var sink = 0
        for _ in 0..<passes { for request in requests { sink &+= validate(validator, request, repeats: repeats) } }
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
    let inArray = nanoseconds(rounds, requests: passes * requests.count) {
        var sink = 0
        for _ in 0..<passes { sink &+= validateInArray(engine, requests) }
        return sink
    }
    func f(_ x: Double, _ w: Int) -> String { let s = String(format: "%.1f", x); return String(repeating: " ", count: max(0, w - s.count)) + s }
    print(name.padding(toLength: 17, withPad: " ", startingAt: 0), f(engineNs, 10), f(regexNs, 10), f(nsregexNs, 11),
          f(regexNs / engineNs, 9) + "×", f(nsregexNs / engineNs, 9) + "×", f(inArray, 10))
}
