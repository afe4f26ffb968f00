import FeedbackConformance

/// When and how a request is sent again: on throttling and on a server
/// error, a bounded number of times, after a jittered exponential backoff
/// (the AWS SDKs' "standard" retry mode: 3 attempts, "full jitter").
///
/// ```swift
/// let policy = RetryPolicy()                 // 3 attempts, 0.25 s base, 20 s cap
/// policy.isRetried(answer)                   // true for TooManyRequestsException, 503, ...
/// policy.delay(after: 2)                     // a random wait from 0 to 0.5 s
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per request, the first included (1: never retried).
    public var maxAttempts: Int
    /// The backoff's scale, in seconds: the wait after attempt `n` is drawn
    /// from 0 to `baseDelay × 2^(n-1)`, at most ``maxDelay``.
    public var baseDelay: Double
    /// The longest wait, in seconds.
    public var maxDelay: Double

    /// A policy; the defaults are the AWS SDKs' standard mode with a
    /// shorter base (the run is already rate-limited).
    public init(maxAttempts: Int = 3, baseDelay: Double = 0.25, maxDelay: Double = 20) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
    }

    /// Never retried.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// Whether `answer` is worth another attempt: throttling (HTTP 429, or
    /// an error type of `ErrorTypes/throttling`:
    /// `TooManyRequestsException`, `ThrottlingException`) or a server error
    /// (HTTP 5xx).
    public func isRetried(_ answer: WireResponse) -> Bool {
        Self.isThrottling(answer) || (500..<600).contains(answer.status)
    }

    /// Whether `answer` says the request was throttled.
    public static func isThrottling(_ answer: WireResponse) -> Bool {
        answer.status == 429 || answer.errorType.map(ErrorTypes.throttling.contains) == true
    }

    /// The wait before the attempt after attempt `attempt` (1 for the
    /// first): uniformly random from 0 to `min(maxDelay, baseDelay × 2^(attempt-1))`.
    public func delay(after attempt: Int) -> Duration {
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(max(0, attempt - 1), 30)))
        return .seconds(Double.random(in: 0...max(0, ceiling)))
    }
}
