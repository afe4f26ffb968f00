/// The verdict on one conformance case.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    /// The implementation behaved as the vector expects.
    case pass
    /// It answered, and the answer is wrong.
    case fail
    /// It says the operation does not exist (HTTP 500 "not implemented",
    /// `UnknownOperationException`, `InvalidAction`, an adapter's
    /// `unsupported`).
    case unimplemented
    /// No usable answer: connection refused, timeout, reset, garbage, an
    /// oversized answer, an adapter that crashed or replied malformed.
    case error
}
