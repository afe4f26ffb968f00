import FeedbackWire

/// What one case (a vector, or a canned-answer case) came to.
///
/// `expected` and `got` are short descriptions written by the runner from
/// error types, statuses and member names; they never hold a member's value.
public struct CaseResult: Sendable, Hashable, JSONReadable, JSONWritable {
    /// The vector id (or case id, such as `answer.UserNotFoundException.namespaced`).
    public var id: String
    /// The verdict.
    public var verdict: Verdict
    /// What the vector expects, e.g. `HTTP 400 InvalidParameterException [Username pattern]`.
    public var expected: String?
    /// What the implementation did, e.g. `HTTP 200`.
    public var got: String?
    /// Observations that do not change the verdict, e.g. `lints locally`.
    public var notes: [String]
    /// How the expectation file covers this case, if it does.
    public var known: Known?
    /// Wall time of the case, in milliseconds.
    public var milliseconds: Double
    /// Every way the case departs from what it should do, each with its
    /// cause and severity; empty for a case with nothing to report. The
    /// ``verdict`` is `fail` when one of them fails the run's threshold
    /// (``Severity/failsRun(strict:)``).
    public var deviations: [Deviation]

    /// How an expectation file entry covers a case.
    public enum Known: String, Sendable, Hashable {
        /// The case came out as the file says: it does not fail the run.
        case expected
        /// The file expects a failure but the case passed: update the file.
        case unexpectedPass
    }

    /// Creates a result.
    public init(id: String, verdict: Verdict, expected: String? = nil, got: String? = nil,
                notes: [String] = [], known: Known? = nil, milliseconds: Double = 0, deviations: [Deviation] = []) {
        self.id = id
        self.verdict = verdict
        self.expected = expected
        self.got = got
        self.notes = notes
        self.known = known
        self.milliseconds = milliseconds
        self.deviations = deviations
    }

    /// The keys of a result in a report, each spelled once for reading and writing.
    private enum Key {
        static let id = "id", verdict = "verdict", expected = "expected", got = "got", notes = "notes", known = "known"
        static let milliseconds = "milliseconds", deviations = "deviations"
    }

    /// Reads a result as a JSON report writes it (``jsonValue``);
    /// `deviations` may be left out (reports written before there were any).
    package init(json fields: JSONFields) throws(JSONFieldError) {
        id = try fields.string(Key.id)
        verdict = try fields.value(Key.verdict)
        expected = try fields.optionalString(Key.expected)
        got = try fields.optionalString(Key.got)
        notes = try fields.strings(Key.notes)
        known = try fields.optional(Key.known) { fields, key throws(JSONFieldError) in try fields.value(key, as: Known.self) }
        milliseconds = try fields.double(Key.milliseconds)
        deviations = try fields.optional(Key.deviations) { fields, key throws(JSONFieldError) in
            try fields.array(key) { element throws(JSONFieldError) in try Deviation(json: try element.object()) }
        } ?? []
    }

    /// The result as JSON, as reports hold it.
    public var jsonValue: JSONValue {
        .object([Key.id: .string(id), Key.verdict: .string(verdict.rawValue), Key.expected: .nullable(expected),
                 Key.got: .nullable(got), Key.notes: .array(notes.map(JSONValue.string)),
                 Key.known: .nullable(known?.rawValue), Key.milliseconds: .number(milliseconds),
                 Key.deviations: .array(deviations.map(\.jsonValue))])
    }

    /// The gravest severity among the case's deviations; `service` for a
    /// case that does not pass and names none (an older report); `nil` for
    /// a passing case with nothing to report.
    public var severity: Severity? {
        if let gravest = deviations.map(\.severity).min() { return gravest }
        return verdict == .pass ? nil : .service
    }

    /// Whether the case passes at a threshold: by default (`strict` false)
    /// when no deviation is of severity `service`; with `strict`, when none
    /// is `service` or `protocol` either. Unimplemented operations and
    /// unusable answers never pass.
    public func passes(strict: Bool) -> Bool {
        if verdict == .unimplemented || verdict == .error { return false }
        guard let severity else { return true }
        return !severity.failsRun(strict: strict)
    }

    /// Whether the case makes the run fail: a verdict other than `pass` that
    /// the expectation file does not expect, or an unexpected pass.
    public var failsRun: Bool {
        switch known {
        case .expected: false
        case .unexpectedPass: true
        case nil: verdict != .pass
        }
    }
}
