import FeedbackWire

/// How much a deviation from a vector or from the protocol matters, by what
/// is known of the real service (see `Conformance/README.md`, "Severity").
///
/// A run fails on ``service`` deviations; with `--strict` on ``protocol``
/// ones too; ``inferred`` ones are reported and never fail a run, as
/// Wycheproof reports its `acceptable` tests.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The real service is documented or observed to behave otherwise: a
    /// defect a user of the implementation can meet.
    case service
    /// A deviation from the awsJson1.1 protocol or the current service model
    /// that the service is not known to expose: e.g. signing the
    /// optional-auth `UpdateAuthEventFeedback`, reading the error type only
    /// from `__type` (Cognito always sends it there), a 2xx other than 200,
    /// the wording of a validation message.
    case `protocol`
    /// The expectation itself rests only on indirect evidence or on the
    /// project's reasoning: reported, never failed.
    case inferred

    /// `service` is the gravest; sorting puts it first.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .service: 0
        case .protocol: 1
        case .inferred: 2
        }
    }

    /// Whether a deviation of this severity fails a run: `service` always,
    /// `protocol` only when `strict`, `inferred` never.
    public func failsRun(strict: Bool) -> Bool {
        switch self {
        case .service: true
        case .protocol: strict
        case .inferred: false
        }
    }
}

/// One way a case departs from what it should do, by cause: the unit from
/// which a report's findings are built (cases with the same ``finding`` and
/// ``severity`` are one finding).
///
/// ```swift
/// Deviation(finding: "signs-optional-auth-operation", severity: .protocol,
///           detail: "UpdateAuthEventFeedback carries an Authorization header")
/// ```
///
/// Like everything in a ``CaseResult``, `detail` names members, headers,
/// constraint kinds and error types only, never a value.
public struct Deviation: Sendable, Hashable, JSONReadable, JSONWritable {
    /// The cause, as a stable kebab-case id (`signs-optional-auth-operation`,
    /// `skips-username-pattern-check`); ``FindingCatalog`` says what each means.
    public var finding: String
    /// How much it matters.
    public var severity: Severity
    /// What this case showed of it.
    public var detail: String

    /// Creates a deviation.
    public init(finding: String, severity: Severity, detail: String) {
        self.finding = finding
        self.severity = severity
        self.detail = detail
    }

    /// The keys of a deviation in a report, each spelled once for reading and writing.
    private enum Key {
        static let finding = "finding", severity = "severity", detail = "detail"
    }

    /// Reads a deviation as a JSON report writes it (``jsonValue``).
    package init(json fields: JSONFields) throws(JSONFieldError) {
        finding = try fields.string(Key.finding)
        severity = try fields.value(Key.severity)
        detail = try fields.string(Key.detail)
    }

    /// The deviation as JSON, as reports hold it.
    public var jsonValue: JSONValue {
        .object([Key.finding: .string(finding), Key.severity: .string(severity.rawValue), Key.detail: .string(detail)])
    }
}
