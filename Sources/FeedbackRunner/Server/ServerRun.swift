import FeedbackConformance

/// What a run against a server came to: a result per case, and what the
/// run did to get them (``ServerRunner/perform(_:redactor:progress:record:)``).
public struct ServerRun: Sendable {
    /// One result per case run, in vector order (Admin vectors not run for
    /// want of credentials are not among them: see ``notes``).
    public var results: [CaseResult]
    /// Each case's request id (`x-amzn-RequestId` of its last answer), by case id.
    public var requestIds: [String: String]
    /// Requests sent, retried, throttled.
    public var traffic: ConformanceReport.Traffic
    /// What the run did not do, and why: vectors not run, a cap reached, a stop.
    public var notes: [String]
    /// Set when neither probe got an answer (refused, unresolved, timed out,
    /// or not HTTP, untrusted, ...): the server is not there or not usable,
    /// and no vector was sent. A set-up error, not a verdict.
    public var unreachable: TransportFailure?

    /// Creates a run's outcome.
    public init(results: [CaseResult], requestIds: [String: String] = [:], traffic: ConformanceReport.Traffic = .init(),
                notes: [String] = [], unreachable: TransportFailure? = nil) {
        self.results = results
        self.requestIds = requestIds
        self.traffic = traffic
        self.notes = notes
        self.unreachable = unreachable
    }
}
