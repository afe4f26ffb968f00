import FeedbackConformance

/// What a run of client cases came to (``ClientRunner/perform(cases:progress:)``):
/// the adapter as it introduced itself, a result per case, and why the
/// adapter first stopped, if it did.
public struct ClientRun: Sendable {
    /// The adapter as it introduced itself; `nil` when it never started.
    public var implementation: ConformanceReport.Implementation?
    /// A result per case, in case order.
    public var results: [CaseResult]
    /// The first time the adapter failed (did not start, exited, stopped
    /// answering, broke the protocol); `nil` when it never did, or when
    /// its command does not exist (the results say so, and there is
    /// nothing to try by hand).
    public var adapterFailure: AdapterFailure?

    /// Why the adapter stopped, with what helps to find out more: the end
    /// of its standard error and the command to run it by hand.
    public struct AdapterFailure: Sendable, Hashable {
        /// The case the adapter was started or running for.
        public var caseID: String
        /// What the runner saw, e.g. `the adapter exited with status 1`.
        public var reason: String
        /// The last lines of the adapter's standard error (at most 20, of
        /// its last 4 KiB), oldest first, each passed through the run's
        /// filter: a line holding a sensitive value is withheld whole.
        /// Empty when it wrote none (or it went to this process's own,
        /// ``ClientRunner/Options/forwardStderr``).
        public var standardError: [String]
        /// The adapter command, quoted for a POSIX shell, to try it by hand
        /// (it reads the protocol's JSON lines on its standard input).
        public var command: String
    }
}
