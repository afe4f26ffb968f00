import FeedbackConformance
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ServerRunner {
    /// What one case's exchanges came to: the last attempt's result, the
    /// number of attempts, and the wall time of them all.
    /// What one exchange came to: the last answer or why there was none,
    /// the requests made, and the time they took.
    struct Outcome: Sendable {
        let result: Result<WireResponse, TransportFailure>
        let attempts: Int
        let milliseconds: Double
    }

    /// One request to make, with what it is for.
    struct Item: Sendable {
        /// What a recording calls it; `nil`: not recorded.
        let subject: RecordedExchange.Subject?
        /// The vector, to tell an answer that is not worth a retry.
        let vector: Vector?
        /// The server's answer to a missing operation, for the same.
        var probe: WireResponse?
        /// Builds the request, once per attempt (a signature dated when sent).
        let request: @Sendable () -> WireRequest

        init(subject: RecordedExchange.Subject?, vector: Vector?, probe: WireResponse? = nil,
             request: @escaping @Sendable () -> WireRequest) {
            self.subject = subject
            self.vector = vector
            self.probe = probe
            self.request = request
        }
    }

    /// One attempt at an item.
    struct Attempt: Sendable {
        let request: WireRequest
        let result: Result<WireResponse, TransportFailure>
        let time: Date
        let milliseconds: Double
    }

    /// The state a run's exchanges share: one transport, one budget of
    /// requests, the run's end, the counts, and the recording.
    final class Session: @unchecked Sendable {
        // Mutated only by `exchange(_:item:finished:)`'s loop, in its caller's task.
        let runner: ServerRunner
        let transport: HTTPTransport
        let budget: RequestBudget
        let clock: RunClock
        let runEnd: ContinuousClock.Instant
        let redactor: Redactor
        let record: ((RecordedExchange) -> Bool)?
        var traffic = ConformanceReport.Traffic()
        var notes: [String] = []
        /// Why no more requests are sent, once that is so.
        var stop: TransportFailure?
        /// Requests in a row that got no answer at all.
        var silentInARow = 0

        init(runner: ServerRunner, redactor: Redactor, record: ((RecordedExchange) -> Bool)?) {
            let options = runner.options
            self.runner = runner
            transport = HTTPTransport(maxAnswerBytes: options.maxAnswerBytes, curl: options.curl, caFile: options.caFile)
            clock = options.clock
            budget = RequestBudget(rate: options.rate, cap: options.maxRequests, adaptive: options.retry.adaptive,
                                   throttleLimit: options.retry.runThrottleLimit, clock: options.clock)
            runEnd = clock.now().advanced(by: max(.zero, options.deadline))
            self.redactor = redactor
            self.record = record
        }

        /// Makes `count` items' exchanges, at most ``Options/concurrency``
        /// at once. `item(index)` is built when its turn comes;
        /// `finished(index, outcome)` is called, in the caller's task, as
        /// each ends, after its attempts are counted and recorded.
        func exchange(_ count: Int, item: (Int) -> Item, finished: (Int, Outcome) -> Void) async {
            let options = runner.options
            await withTaskGroup(of: (Int, Item, [Attempt], TransportFailure?).self) { group in
                var next = 0
                func start() {
                    let index = next
                    next += 1
                    let work = item(index)
                    if let stop {
                        group.addTask { (index, work, [], stop) }
                        return
                    }
                    group.addTask { [self] in
                        let (attempts, refusal) = await attempts(work)
                        return (index, work, attempts, refusal)
                    }
                }
                for _ in 0..<min(max(1, options.concurrency), count) { start() }
                for await (index, work, attempts, refusal) in group {
                    finished(index, account(attempts, refusal, subject: work.subject, vector: work.vector))
                    if next < count { start() }
                }
            }
        }

        /// Counts and records an item's attempts; its outcome.
        private func account(_ attempts: [Attempt], _ refusal: TransportFailure?, subject: RecordedExchange.Subject?,
                             vector: Vector?) -> Outcome {
            let options = runner.options
            for (number, attempt) in attempts.enumerated() {
                traffic.requests += 1
                if number > 0 { traffic.retries += 1 }
                if case .success(let answer) = attempt.result {
                    if RetryPolicy.isThrottling(answer) { traffic.throttled += 1 }
                    if answer.statusKind == .serverError { traffic.serverErrors += 1 }
                }
                guard let subject, let record, stop != .stopped else { continue }
                let exchange = RecordedExchange(
                    subject: subject, request: attempt.request, attempt: number + 1, time: attempt.time,
                    milliseconds: attempt.milliseconds, result: attempt.result, endpoint: options.endpoint.absoluteString,
                    region: options.region, reference: options.reference, tool: options.tool, redactor: redactor,
                    vector: vector)
                if !record(exchange) {
                    stop = .stopped
                    notes.append("the run stopped: its recording could not be written")
                }
            }
            let result = refusal.map { .failure($0) } ?? attempts.last?.result ?? .failure(.runDeadline)
            switch result {
            case .failure(let failure) where failure.isSilence:
                silentInARow += 1
                if silentInARow >= options.silentLimit, stop == nil {
                    stop = .silent(silentInARow)
                    notes.append("the run stopped sending: \(silentInARow) requests in a row got no answer")
                }
            case .failure(.requestCap(let cap)):
                if stop == nil {
                    stop = .requestCap(cap)
                    notes.append("the run stopped sending: its cap of \(cap) requests (--max-requests) was reached")
                }
            case .failure(.throttled(let count)):
                if stop == nil {
                    stop = .throttled(count)
                    notes.append("the run stopped sending: \(count) answers in a row were throttling (--max-throttled)")
                }
            case .success:
                silentInARow = 0
            default:
                break
            }
            let milliseconds = attempts.reduce(0) { $0 + $1.milliseconds }
            return Outcome(result: result, attempts: max(1, attempts.count), milliseconds: milliseconds)
        }

        /// The attempts at `item`: each waits for its turn in the budget, is
        /// sent within the per-request timeout and the run's end, its answer
        /// reported to the budget (which slows the run when throttled), and
        /// it is made again while the answer is worth it and the retry
        /// policy allows (throttling counted apart), after a backoff or the
        /// answer's `Retry-After`, whichever is longer (and the budget and
        /// the run's end allow). With no attempt, why not.
        private func attempts(_ item: Item) async -> ([Attempt], TransportFailure?) {
            let options = runner.options
            // Whole seconds, at least 1 (a timed-out answer names them).
            let timeout = max(1, Int(options.timeout.seconds.rounded(.up)))
            var attempts: [Attempt] = []
            var throttled = 0
            while true {
                if let refusal = await budget.take(before: runEnd) {
                    // A retry the budget refuses leaves the last answer standing.
                    return (attempts, attempts.isEmpty ? refusal : nil)
                }
                let request = item.request()
                let time = clock.date()
                let started = clock.now()
                let left = runEnd - started
                let seconds = min(Double(timeout), left.seconds)
                let failure: TransportFailure = seconds < Double(timeout) ? .runDeadline : .timedOut(timeout)
                let result = await transport.send(request, to: runner.endpointURL, within: seconds, else: failure)
                attempts.append(Attempt(request: request, result: result, time: time, milliseconds: (clock.now() - started).milliseconds))
                guard case .success(let answer) = result else { return (attempts, nil) }
                let isThrottling = RetryPolicy.isThrottling(answer)
                await budget.answered(throttled: isThrottling)
                if isThrottling { throttled += 1 }
                guard options.retry.allowsAnother(after: answer, attempts: attempts.count, throttled: throttled),
                      worthRetrying(answer, item)
                else { return (attempts, nil) }
                // Throttled attempts do not lengthen the backoff: the limiter slows the run instead.
                var wait = options.retry.delay(after: max(1, attempts.count - throttled))
                if let asked = RetryAfter.seconds(answer, now: clock.date()) {
                    let honoured = Duration.seconds(min(asked, options.retry.maxRetryAfter))
                    await budget.pause(for: honoured.seconds)
                    wait = max(wait, honoured)
                }
                let turn = clock.now() + wait
                guard turn < runEnd, await clock.sleep(until: turn) else { return (attempts, nil) }
            }
        }

        /// Whether another attempt may change what `answer` (one the retry
        /// policy retries) comes to: the answer is not one a retry only
        /// repeats: a vector's answer that is the server's answer to a
        /// missing operation; a probe's server error (a probe's answer is
        /// worth the wait only when throttled: a 5xx one stands for a
        /// missing operation, moto's page, or is set aside).
        private func worthRetrying(_ answer: WireResponse, _ item: Item) -> Bool {
            guard let vector = item.vector else { return RetryPolicy.isThrottling(answer) }
            return ServerJudge(unknownOperation: item.probe).judge(answer, of: vector).verdict != .unimplemented
        }
    }
}
