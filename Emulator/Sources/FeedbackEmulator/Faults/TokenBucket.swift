import Synchronization

/// A token bucket: `rate` tokens a second, holding at most `rate` (one
/// second's burst). Each request takes one; a request that finds none is
/// throttled.
public final class TokenBucket: Sendable {
    private let rate: Double
    private let state: Mutex<(tokens: Double, last: ContinuousClock.Instant)>

    /// A full bucket of `rate` tokens a second.
    public init(rate: Double, now: ContinuousClock.Instant = .now) {
        precondition(rate > 0, "a token bucket needs a positive rate")
        self.rate = rate
        state = Mutex((tokens: rate, last: now))
    }

    /// Takes a token if there is one at `now`.
    public func take(now: ContinuousClock.Instant = .now) -> Bool {
        state.withLock { state in
            let elapsed = state.last.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if seconds > 0 {
                state.tokens = min(rate, state.tokens + seconds * rate)
                state.last = now
            }
            guard state.tokens >= 1 else { return false }
            state.tokens -= 1
            return true
        }
    }
}
