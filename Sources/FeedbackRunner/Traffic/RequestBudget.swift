/// The requests a run may still send, and when: at most `cap` in all,
/// probes and retries included; at most one every `1 / rate` seconds (when
/// a rate is set); no faster than its ``AdaptiveRateLimiter`` lets through
/// once the server has throttled; none before a `Retry-After` has passed;
/// none once `throttleLimit` answers in a row were throttling. Shared by a
/// run's concurrent requests, which report every answer to it.
///
/// ```swift
/// let budget = RequestBudget(rate: 4, cap: 1000)
/// if let refusal = await budget.take(before: runEnd) { ... }   // not sent: refusal says why
/// await budget.answered(throttled: false)
/// ```
///
/// It reads and waits on its ``RunClock`` only, and every wait ends before
/// the deadline given to ``take(before:)``, or is refused.
actor RequestBudget {
    /// The spacing between requests; `nil`: none.
    private let interval: Duration?
    /// The most requests of the run.
    let cap: Int
    /// Throttling answers in a row after which nothing more is sent.
    let throttleLimit: Int
    /// Requests granted so far.
    private(set) var granted = 0
    /// Throttling answers in a row, the last one included.
    private(set) var throttledInARow = 0
    /// The earliest time the next request may go.
    private var nextSlot: ContinuousClock.Instant
    /// The adaptive limiter; `nil`: none.
    private var limiter: AdaptiveRateLimiter?
    private let clock: RunClock
    /// The instant the limiter's times count from.
    private let start: ContinuousClock.Instant

    /// A budget of `cap` requests, `rate` per second at most (`nil` or not
    /// positive: no limit), slowed by an adaptive limiter when `adaptive`,
    /// and closed after `throttleLimit` throttling answers in a row.
    init(rate: Double?, cap: Int, adaptive: Bool = false, throttleLimit: Int = .max, clock: RunClock = .system) {
        if let rate, rate > 0 { interval = .seconds(1 / rate) } else { interval = nil }
        self.cap = max(0, cap)
        self.throttleLimit = max(1, throttleLimit)
        self.clock = clock
        start = clock.now()
        nextSlot = start
        limiter = adaptive ? AdaptiveRateLimiter(start: 0) : nil
    }

    /// The adaptive limiter's rate, in requests a second; `nil` when it
    /// never came on (no throttling) or there is none.
    var limitedRate: Double? { limiter?.rate }

    /// Waits for the next request's turn and counts it. `nil` when it may
    /// go; else why not: the cap is reached, the server throttled
    /// `throttleLimit` answers in a row, its turn would come after
    /// `deadline`, or the task was cancelled while waiting.
    func take(before deadline: ContinuousClock.Instant) async -> TransportFailure? {
        while true {
            guard granted < cap else { return .requestCap(cap) }
            guard throttledInARow < throttleLimit else { return .throttled(throttleLimit) }
            let now = clock.now()
            guard now < deadline else { return .runDeadline }
            let wait = limiter?.wait(at: seconds(now)) ?? 0
            guard wait > 0 else { break }
            let turn = now + .nanoseconds(Int64(min(wait, 1e9) * 1e9) + 1)
            guard turn < deadline else { return .runDeadline }
            // Sleeping inside the actor would hold it; nothing is reserved, so ask again after.
            guard await clock.sleep(until: turn) else { return .cancelled }
        }
        let now = clock.now()
        let slot = max(now, nextSlot)
        guard slot < deadline else { return .runDeadline }
        granted += 1
        nextSlot = interval.map { slot + $0 } ?? nextSlot
        guard slot > now else { return nil }
        // The slot is reserved, so wait outside.
        return await clock.sleep(until: slot) ? nil : .cancelled
    }

    /// Counts an answer (not a failure to get one): the limiter adjusts its
    /// rate, and a throttling answer lengthens the run of them.
    func answered(throttled: Bool) {
        limiter?.record(throttled: throttled, at: seconds(clock.now()))
        throttledInARow = throttled ? throttledInARow + 1 : 0
    }

    /// Sends nothing more for `seconds` from now (a `Retry-After`), on top
    /// of the other limits.
    func pause(for seconds: Double) {
        nextSlot = max(nextSlot, clock.now() + .seconds(seconds))
    }

    private func seconds(_ instant: ContinuousClock.Instant) -> Double {
        (instant - start).seconds
    }
}
