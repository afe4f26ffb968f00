import FeedbackRules
import FeedbackVectors
import FeedbackWire

extension Vector {
    /// Judges what a rules engine or linter made of the vector's bytes
    /// (``FeedbackVectors/Vector/wireBytes``): its report, or its refusal of
    /// the input as unusable. Pure.
    ///
    /// ```swift
    /// let outcome = Result { () throws(JSONError) in try vector.operation.validate(json: vector.wireBytes) }
    /// let result = vector.judge(outcome)
    /// result.verdict   // .pass, or .fail with the reason in `got`
    /// ```
    ///
    /// A report conforms when it gives an allowed error
    /// (``FeedbackVectors/Vector/allowedErrors``: ``FeedbackVectors/Vector/expected``
    /// and each error alternative): the same error type, the expected
    /// violations as a multiset (order does not matter), each expected
    /// message part where one is documented, and the aggregate message up to
    /// the order of its parts. A valid report conforms where the vector
    /// allows valid (``FeedbackVectors/Vector/allowsValidAnswer``); a refusal
    /// where it allows one (``FeedbackVectors/Vector/allowsRefusal``). `got`
    /// names members, constraints and the refusal's reason, never values.
    package func judge(_ outcome: Swift.Result<ValidationReport, JSONError>) -> CaseResult {
        var result = CaseResult(id: id, verdict: .pass, expected: expectedReport)
        switch outcome {
        case .success(let report):
            result.got = Self.summary(report)
            if let mismatch = mismatch(report) {
                result.got = mismatch
                result.deviations = [Deviation(finding: "disagrees-with-vector", severity: .service, detail: mismatch)]
            }
        case .failure(let error):
            result.got = "the body refused as unusable (\(error.reason.phrase))"
            if !allowsRefusal {
                result.deviations = [Deviation(finding: "disagrees-with-vector", severity: .service, detail: result.got ?? "")]
            }
        }
        // An engine or linter states the project's reading: it must agree with every vector,
        // inferred ones included (they allow every plausible reading), so each disagreement fails.
        if result.deviations.contains(where: { $0.severity.failsRun(strict: false) }) { result.verdict = .fail }
        return result
    }

    /// What the vector expects of an engine: `valid`, or the error type and
    /// the failing members and constraints, or the body refused as unusable;
    /// for an acceptable vector, each allowed answer, `expected` first.
    package var expectedReport: String {
        guard let expected, result != .valid else { return "valid" }
        let answers = [Alternative.error(expected)] + alternatives
        return answers.map { answer in
            switch answer {
            case .valid: "valid"
            case .refused: "the body refused as unusable"
            case .error(let error): error.isRefusal ? "the body refused as unusable" : error.engineSummary
            }
        }.joined(separator: ", or ")
    }

    /// Why `report` does not conform, or `nil`: against the first allowed
    /// error when it conforms to none.
    func mismatch(_ report: ValidationReport) -> String? {
        if report.isValid {
            guard !allowsValidAnswer else { return nil }
            guard let expected else { return "the vector has no expectation" }
            return expected.isRefusal ? "expected the body refused as malformed, got valid" : "expected \(expected.errorType.rawValue), got valid"
        }
        if result == .valid { return "expected valid, got \(Self.summary(report))" }
        let errors = allowedErrors
        guard !errors.isEmpty else { return "expected the body refused as malformed, got \(Self.summary(report))" }
        var first: String?
        for error in errors {
            guard let why = error.mismatch(report) else { return nil }
            first = first ?? why
        }
        return first
    }

    /// `valid`, or `InvalidParameterException [UserPoolId pattern, ...]`.
    static func summary(_ report: ValidationReport) -> String {
        guard let type = report.errorType else { return "valid" }
        let parts = report.violations.map { "\($0.member.wireName) \($0.kind.rawValue)" }
        return "\(type.rawValue) [\(parts.joined(separator: ", "))]"
    }
}

extension Expectation {
    /// `InvalidParameterException [Username pattern, ...]`: the type and the
    /// failing members and constraints.
    var engineSummary: String {
        let parts = violations.map { "\($0.member.wireName) \($0.constraint.rawValue)" }
        return errorType.rawValue + (parts.isEmpty ? "" : " [\(parts.joined(separator: ", "))]")
    }

    /// Why `report` does not give this error, or `nil` when it does.
    func mismatch(_ report: ValidationReport) -> String? {
        if report.errorType != errorType {
            return "expected \(errorType.rawValue), got \(Vector.summary(report))"
        }
        var unmatched = report.violations
        for wanted in violations {
            guard let index = unmatched.firstIndex(where: { wanted.matches($0) }) else {
                return "missing \(wanted.member.wireName) \(wanted.constraint.rawValue) violation"
                    + (wanted.message == nil ? "" : " with the expected message")
                    + "; got \(Vector.summary(report))"
            }
            unmatched.remove(at: index)
        }
        if let extra = unmatched.first {
            return "unexpected \(extra.member.wireName) \(extra.kind.rawValue) violation"
        }
        if let message, let got = report.message,
            !MessageComparison().same(message, got, parts: violations.compactMap(\.message)) {
            return "the aggregate message differs"
        }
        return nil
    }
}

extension ExpectedViolation {
    /// Whether `violation` is this one (the message only when expected).
    func matches(_ violation: Violation) -> Bool {
        violation.member == member && violation.kind == constraint && violation.path == path
            && (message == nil || message == violation.message)
    }
}
