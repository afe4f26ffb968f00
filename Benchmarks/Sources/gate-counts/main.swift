// The loops `Benchmarks/gate.sh` counts under valgrind: `validate()` N
// times over a corpus, with nothing else after start-up, so that the
// difference between two runs of different N is N's cost alone.
//
//   swift build -c release --product gate-counts
//   valgrind --tool=callgrind .build/release/gate-counts mixed|valid|invalid N
//
// `mixed` walks the benchmark corpus (`Corpus.mixed()`), validating each
// request held as a parameter (`validateHeld`); `valid` and `invalid`
// validate one request of each verdict, as the malloc benchmarks do. The
// count of requests found valid is printed, so no validation is dead code.
import BenchmarkSupport
import FeedbackRules
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 3, let rounds = Int(arguments[2]), rounds >= 0 else {
    print("usage: gate-counts mixed|valid|invalid ROUNDS")
    exit(2)
}
let requests: [UpdateAuthEventFeedbackRequest]
switch arguments[1] {
case "mixed": requests = Corpus.mixed()
case "valid": requests = [Corpus.requests(.asciiValid)[0]]
case "invalid": requests = [Corpus.requests(.invalidPoolId)[0]]
default:
    print("gate-counts: unknown corpus \(arguments[1])")
    exit(2)
}

/// Validates each request once per round; the count found valid.
@inline(never)
func validateRounds(_ requests: [UpdateAuthEventFeedbackRequest], rounds: Int) -> Int {
    var passed = 0
    for _ in 0..<rounds {
        for request in requests { passed &+= validateHeld(EngineValidator(), request, repeats: 1) }
    }
    return passed
}

print("validations \(rounds * requests.count), valid \(validateRounds(requests, rounds: rounds))")
