/// A client-side rate limiter that slows a run down when the server
/// throttles it and lets it speed up again as answers come back, as
/// botocore's `adaptive` retry mode and the AWS SDKs' client-side rate
/// limiting do (`botocore/retries/adaptive.py`, `ClientRateLimiter`;
/// `SOURCES.md#botocore-adaptive`).
///
/// It is off until the first throttling answer; from then on every request
/// takes a token from a ``TokenBucket``. Each answer is counted by a
/// ``SendingRateMeter``; a throttling answer starts a new ``CubicRate``
/// curve from the lower of the measured rate and the bucket's rate (cut to
/// 0.7 times that), a success moves along the curve; either way the bucket's
/// rate becomes the curve's, at most twice the measured rate.
///
/// One departure from botocore, besides the meter's first half second: at
/// most one cut per half-second bucket of the meter. botocore cuts on every
/// throttling answer, so a burst of 20 (answers to requests sent at the
/// same rate) compounds to 0.7²⁰ and pins the run to the bucket's floor of
/// 0.5 requests a second; as TCP's CUBIC reduces once per congestion event,
/// the throttling answers of one measurement period count once here.
///
/// ```swift
/// var limiter = AdaptiveRateLimiter(start: 0)
/// limiter.wait(at: 0)                   // 0: off, nothing to wait for
/// limiter.record(throttled: true, at: 0.01)
/// limiter.rate                          // 70.0: 0.7 × 100 requests a second
/// ```
struct AdaptiveRateLimiter: Sendable, Hashable {
    /// botocore's `_MAX_RATE_ADJUST_SCALE`: the bucket's rate is at most
    /// this many times the measured rate.
    static let maxRateScale = 2.0

    private var cubic: CubicRate
    private var meter: SendingRateMeter
    private var bucket = TokenBucket(rate: 1)
    /// Whether a throttling answer came (`_enabled`).
    private(set) var isOn = false
    /// The meter's bucket of the last cut; `nil`: none yet.
    private var lastCut: Double?

    /// A limiter, off, with its clocks starting at `start` (seconds).
    init(start: Double) {
        cubic = CubicRate(start: start)
        meter = SendingRateMeter(start: start)
    }

    /// The rate it lets requests go at, in requests a second; `nil` while off.
    var rate: Double? { isOn ? bucket.rate : nil }

    /// The bucket's fill rate, kept up to date while off too (botocore's `max_rate`).
    var fillRate: Double { bucket.rate }

    /// Takes a request's turn at `time`: 0 when it may go now (or the
    /// limiter is off), else the seconds to wait before asking again
    /// (`on_sending_request`).
    mutating func wait(at time: Double) -> Double {
        isOn ? bucket.take(at: time) : 0
    }

    /// Counts an answer that came at `time`, throttling or not, and sets
    /// the rate from it (`on_receiving_response`).
    mutating func record(throttled: Bool, at time: Double) {
        let measured = meter.record(at: time)
        let newRate: Double
        if !throttled {
            newRate = cubic.succeeded(at: time)
        } else {
            let period = SendingRateMeter.bucket(time)
            guard lastCut != period else { return }
            lastCut = period
            newRate = cubic.throttled(at: time, rate: isOn ? min(measured, bucket.rate) : measured)
            isOn = true
        }
        bucket.setRate(min(newRate, Self.maxRateScale * measured), at: time)
    }
}
