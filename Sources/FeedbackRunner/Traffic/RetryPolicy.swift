import FeedbackConformance

/// When and how a request is sent again: on throttling and on a server
/// error, after a jittered exponential backoff (the AWS SDKs' retry modes,
/// "full jitter"), and, by default, under an adaptive client-side rate
/// limiter (botocore's `adaptive` mode: a token bucket whose rate is cut by CUBIC
/// on each throttling answer and grows back on success).
///
/// ```swift
/// let policy = RetryPolicy()                 // 3 attempts, 40 throttled ones, adaptive
/// policy.isRetried(answer)                   // true for TooManyRequestsException, 503, ...
/// policy.delay(after: 2)                     // a random wait from 0 to 0.5 s
/// ```
///
/// Throttling is counted apart from the case's attempts: a throttled
/// attempt neither uses up one of ``maxAttempts`` nor lengthens the
/// backoff (the limiter slows the whole run instead). A case is retried
/// while throttled up to ``maxThrottled`` times, and a run stops sending
/// once ``maxThrottled`` answers in a row were throttling: a burst is
/// ridden out, a server that throttles everything is not waited on for
/// ever. A `Retry-After` is honoured, up to ``maxRetryAfter`` seconds.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per request that end in a server error (5xx), the first
    /// included (1: never retried after one).
    public var maxAttempts: Int
    /// Throttling answers a case is sent again after, and throttling
    /// answers in a row after which the run sends nothing more (1: a
    /// throttled case is not sent again, and the run never stops for
    /// throttling: see ``runThrottleLimit``).
    public var maxThrottled: Int
    /// The backoff's scale, in seconds: the wait after attempt `n` is drawn
    /// from 0 to `baseDelay × 2^(n-1)`, at most ``maxDelay``.
    public var baseDelay: Double
    /// The longest backoff, in seconds.
    public var maxDelay: Double
    /// The longest wait a `Retry-After` gets, in seconds (a longer one is cut to it).
    public var maxRetryAfter: Double
    /// Whether an adaptive client-side rate limiter slows the run down once it is throttled.
    public var adaptive: Bool

    /// A policy; the defaults are the AWS SDKs' standard mode (3 attempts)
    /// with a shorter base (the run is already rate-limited), adaptive.
    public init(maxAttempts: Int = 3, maxThrottled: Int = RetryPolicy.defaultMaxThrottled, baseDelay: Double = 0.25,
                maxDelay: Double = 20, maxRetryAfter: Double = 60, adaptive: Bool = true) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxThrottled = max(1, maxThrottled)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.maxRetryAfter = max(0, maxRetryAfter)
        self.adaptive = adaptive
    }

    /// The default of ``maxThrottled``: twice a burst of 20 throttled requests.
    public static let defaultMaxThrottled = 40

    /// Never retried, never slowed.
    public static let never = RetryPolicy(maxAttempts: 1, maxThrottled: 1, adaptive: false)

    /// Throttling answers in a row after which the run sends nothing more:
    /// ``maxThrottled``, or none when throttled requests are not sent
    /// again (each case then costs one request, throttled or not).
    public var runThrottleLimit: Int { maxThrottled > 1 ? maxThrottled : .max }

    /// Whether `answer` is worth another attempt: throttling (HTTP 429, or
    /// an error type of `ErrorTypes/throttling`:
    /// `TooManyRequestsException`, `ThrottlingException`) or a server error
    /// (HTTP 5xx).
    public func isRetried(_ answer: WireResponse) -> Bool {
        Self.isThrottling(answer) || answer.statusKind == .serverError
    }

    /// Whether a case whose last answer was `answer` may be sent again,
    /// after `attempts` attempts of which `throttled` were throttling.
    public func allowsAnother(after answer: WireResponse, attempts: Int, throttled: Int) -> Bool {
        guard isRetried(answer) else { return false }
        return Self.isThrottling(answer) ? throttled < maxThrottled : attempts - throttled < maxAttempts
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
