/// The verdict on one request: what the service would answer.
///
/// The engine records which member failed which constraint without
/// allocating; ``isValid`` and ``errorType`` read that record, while
/// ``violations`` and ``message`` build their values on each read.
///
/// ```swift
/// let report = request.validate()
/// if !report.isValid {
///     print(report.errorType!.rawValue)  // InvalidParameterException
///     print(report.message!)             // 2 validation errors detected: ...; ...
/// }
/// ```
public struct ValidationReport: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The verdict as the engine records it (no allocation), or as given.
    @usableFromInline let storage: Storage

    @usableFromInline enum Storage: Sendable {
        case valid
        case failed(FailedConstraints, ShownValues)
        case given([Violation])
    }

    /// Creates a report of `violations` (none: valid).
    package init(violations: [Violation]) {
        storage = .given(violations)
    }

    /// The engine's report of `failures`, with each member's value from
    /// `value` where messages show it. Recording allocates nothing, valid
    /// or not; reading ``violations`` or ``message`` builds them.
    package init(_ failures: FailedConstraints, values value: (Member) -> String?) {
        storage = failures.isEmpty ? .valid : .failed(failures, ShownValues(failures, value))
    }

    /// Every failed constraint, in member order, then constraint order
    /// (length, pattern, enum). The service's own order is not stable.
    public var violations: [Violation] {
        switch storage {
        case .valid: []
        case .failed(let failures, let shown): failures.violations(showing: shown)
        case .given(let violations): violations
        }
    }

    /// Whether the service would accept the request's parameters.
    @inlinable
    public var isValid: Bool {
        switch storage {
        case .valid: true
        case .failed: false
        case .given(let violations): violations.isEmpty
        }
    }

    /// The error the service would answer with, or `nil` when valid.
    public var errorType: ServiceError? {
        switch storage {
        case .valid: nil
        case .failed(let failures, _): failures.errorType
        case .given(let violations): ServiceError(answering: violations)
        }
    }

    /// The aggregate message, or `nil` when valid.
    ///
    /// For constraint failures it is exactly Cognito's format:
    /// `N validation error(s) detected: part; part`. For a JSON type
    /// mismatch (`SerializationException`), whose service message is not
    /// documented, it is the first violation's own message.
    public var message: String? {
        let violations = violations
        return Self.message(of: violations, parts: violations.map(\.message))
    }

    /// The aggregate message of `violations`, whose own messages are
    /// `parts` (for a caller that needs both, without building them twice).
    package static func message(of violations: [Violation], parts: [String]) -> String? {
        guard let errorType = ServiceError(answering: violations) else { return nil }
        if errorType == .serialization { return parts[0] }
        let count = violations.count
        let head = count == 1 ? "1 validation error detected: " : "\(count) validation errors detected: "
        return head + parts.joined(separator: "; ")
    }

    /// `valid`, or the error type and the service's message:
    /// `InvalidParameterException: 1 validation error detected: ...`. Like
    /// the service's, it never shows a sensitive member's value.
    public var description: String {
        guard let errorType, let message else { return "valid" }
        return "\(errorType.rawValue): \(message)"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without children: `dump(_:)` shows ``description``, not
    /// the storage.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Reports are equal when they list the same violations.
    public static func == (lhs: ValidationReport, rhs: ValidationReport) -> Bool {
        lhs.violations == rhs.violations
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(violations)
    }
}
