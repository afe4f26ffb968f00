/// The verdict on one request: what the service would answer.
///
/// ```swift
/// let report = request.validate()
/// if !report.isValid {
///     print(report.errorType!.rawValue)  // InvalidParameterException
///     print(report.message!)             // 2 validation errors detected: ...; ...
/// }
/// ```
public struct ValidationReport: Sendable, Hashable {
    /// Every failed constraint, in member order, then constraint order
    /// (length, pattern, enum). The service's own order is not stable.
    public let violations: [Violation]

    /// Creates a report of `violations` (none: valid).
    public init(violations: [Violation]) {
        self.violations = violations
    }

    /// Whether the service would accept the request's parameters.
    public var isValid: Bool { violations.isEmpty }

    /// The error the service would answer with, or `nil` when valid.
    public var errorType: ServiceError? {
        guard let first = violations.first else { return nil }
        return first.kind == .type ? .serialization : .invalidParameter
    }

    /// The aggregate message, or `nil` when valid.
    ///
    /// For constraint failures it is exactly Cognito's format:
    /// `N validation error(s) detected: part; part`. For a JSON type
    /// mismatch (`SerializationException`), whose service message is not
    /// documented, it is the first violation's own message.
    public var message: String? {
        guard let first = violations.first else { return nil }
        if first.kind == .type { return first.message }
        let count = violations.count
        let head = count == 1 ? "1 validation error detected: " : "\(count) validation errors detected: "
        return head + violations.map(\.message).joined(separator: "; ")
    }
}

/// The error types the service answers validation failures with.
public enum ServiceError: String, Sendable, Hashable, CaseIterable, Codable {
    /// A constraint failure (length, pattern, enum, required): HTTP 400.
    case invalidParameter = "InvalidParameterException"
    /// A member of the wrong JSON type: HTTP 400, before any constraint check.
    case serialization = "SerializationException"
}
