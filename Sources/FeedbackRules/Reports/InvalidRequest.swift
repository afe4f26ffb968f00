/// The error ``FeedbackRequest/validated()`` throws: the request would be
/// refused, with this report.
///
/// Its description is what the service would answer, and shows no
/// sensitive value: `InvalidParameterException: 1 validation error
/// detected: Value at 'username' failed to satisfy constraint: ...`.
public struct InvalidRequest: Error, Sendable, Hashable, CustomStringConvertible {
    /// The report of every failed constraint.
    public let report: ValidationReport

    /// Wraps the report of a request that is not valid.
    init(_ report: ValidationReport) {
        precondition(!report.isValid, "a valid request is not an error")
        self.report = report
    }

    /// The error type the service answers with.
    public var errorType: ServiceError { report.errorType ?? .invalidParameter }

    /// The service's message, e.g. `2 validation errors detected: ...; ...`.
    public var message: String { report.message ?? "" }

    /// `InvalidParameterException: <message>`.
    public var description: String { "\(errorType.rawValue): \(message)" }
}
