/// The error types the service answers validation failures with.
public enum ServiceError: String, Sendable, Hashable, CaseIterable, Codable {
    /// A constraint failure (length, pattern, enum, required): HTTP 400.
    case invalidParameter = "InvalidParameterException"
    /// A member of the wrong JSON type: HTTP 400, before any constraint check.
    case serialization = "SerializationException"

    /// The error the service answers a request with when its failures
    /// include a type failure (`typeFailure`) or not.
    ///
    /// The one statement of the rule: a member of the wrong JSON type fails
    /// at deserialization, before any constraint is checked, and the service
    /// answers `SerializationException`; any other failure is a constraint's
    /// and answers `InvalidParameterException`. Reports, every lint format
    /// and the judges read the error type through here.
    @inlinable
    init(typeFailure: Bool) {
        self = typeFailure ? .serialization : .invalidParameter
    }

    /// The error the service answers a request that fails with
    /// `violations`, in report order; `nil` when there are none.
    ///
    /// A type failure stops the judgement at deserialization, so a report
    /// never mixes type failures with constraint failures: its first
    /// violation tells which it holds.
    public init?(answering violations: some Collection<Violation>) {
        guard let first = violations.first else { return nil }
        self.init(typeFailure: first.kind == .type)
    }
}
