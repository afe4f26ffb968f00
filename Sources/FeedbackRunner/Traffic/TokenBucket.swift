/// A token bucket that fills at a rate, as botocore's adaptive retry mode
/// keeps it (`botocore/retries/bucket.py`, `TokenBucket`;
/// `SOURCES.md#botocore-adaptive`): it fills at ``rate`` tokens a second,
/// never below 0.5, holds at most `max(1, rate)` tokens, and starts empty.
///
/// botocore's `acquire` blocks until a token is there; this one answers at
/// once, with the token or the seconds until one will be (its caller sleeps,
/// on its own clock, and asks again), so it can be driven by a test clock.
///
/// ```swift
/// var bucket = TokenBucket(rate: 2, at: 0)
/// bucket.take(at: 0)        // 0.5: come back in half a second
/// bucket.take(at: 0.5)      // 0: taken
/// ```
struct TokenBucket: Sendable, Hashable {
    /// botocore's `_MIN_RATE`: the slowest fill, in tokens a second.
    static let minimumRate = 0.5

    /// Tokens a second (`_fill_rate`).
    private(set) var rate: Double
    /// The most tokens held (`_max_capacity`).
    private(set) var capacity: Double
    /// Tokens held (`_current_capacity`).
    private(set) var tokens = 0.0
    /// When it was last filled (`_last_timestamp`; `nil`: never).
    private var filled: Double?

    /// An empty bucket filling at `rate` (not filled until first used, as botocore).
    init(rate: Double) {
        self.rate = max(rate, Self.minimumRate)
        capacity = max(1, rate)
    }

    /// Sets the fill rate at `time`, after filling at the old one
    /// (the `max_rate` setter); the tokens held are cut to the new capacity.
    mutating func setRate(_ newRate: Double, at time: Double) {
        refill(at: time)
        rate = max(newRate, Self.minimumRate)
        capacity = newRate >= 1 ? newRate : 1
        tokens = min(tokens, capacity)
    }

    /// Takes a token at `time`: 0 when taken, else the seconds until one
    /// will be there (nothing is taken; at least a nanosecond, so that a
    /// caller that sleeps that long always finds the bucket fuller).
    mutating func take(at time: Double) -> Double {
        refill(at: time)
        if tokens >= 1 {
            tokens -= 1
            return 0
        }
        return max(1e-9, (1 - tokens) / rate)
    }

    private mutating func refill(at time: Double) {
        guard let filled else {
            self.filled = time
            return
        }
        tokens = min(capacity, tokens + max(0, time - filled) * rate)
        self.filled = max(filled, time)
    }
}
