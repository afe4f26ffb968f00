import FeedbackWire

/// What one case (a vector, or a canned-answer case) came to.
///
/// `expected` and `got` are short descriptions written by the runner from
/// error types, statuses and member names; they never hold a member's value.
public struct CaseResult: Sendable, Hashable, Decodable {
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

    /// How an expectation file entry covers a case.
    public enum Known: String, Sendable, Hashable, Decodable {
        /// The case came out as the file says: it does not fail the run.
        case expected
        /// The file expects a failure but the case passed: update the file.
        case unexpectedPass
    }

    /// Creates a result.
    public init(id: String, verdict: Verdict, expected: String? = nil, got: String? = nil,
                notes: [String] = [], known: Known? = nil, milliseconds: Double = 0) {
        self.id = id
        self.verdict = verdict
        self.expected = expected
        self.got = got
        self.notes = notes
        self.known = known
        self.milliseconds = milliseconds
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

extension CaseResult {
    /// The result as JSON.
    public var jsonValue: JSONValue {
        .object(["id": .string(id), "verdict": .string(verdict.rawValue), "expected": .nullable(expected),
                 "got": .nullable(got), "notes": .array(notes.map(JSONValue.string)),
                 "known": .nullable(known?.rawValue), "milliseconds": .number(milliseconds)])
    }
}
