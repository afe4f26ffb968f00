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
    /// A report conforms when it gives the expected error: the same error
    /// type, the expected violations as a multiset (order does not matter),
    /// each expected message part where one is documented, and the aggregate
    /// message up to the order of its parts. A valid report conforms to a
    /// `valid` vector and to an `acceptable` one whose alternative is
    /// `valid`. A refusal conforms only where the vector allows one: an
    /// `acceptable` vector whose alternative is `refused`. `got` names
    /// members, constraints and the refusal's reason, never values.
    public func judge(_ outcome: Swift.Result<ValidationReport, JSONError>) -> CaseResult {
        var result = CaseResult(id: id, verdict: .pass, expected: expectedReport)
        switch outcome {
        case .success(let report):
            result.got = Self.summary(report)
            if let mismatch = mismatch(report) {
                result.got = mismatch
                result.deviations = [Deviation(finding: "disagrees-with-vector", severity: expectationSeverity, detail: mismatch)]
            }
        case .failure(let error):
            result.got = "the body refused as unusable (\(error.reason.phrase))"
            if !(self.result == .acceptable && alternative == .refused) && !expectsRefusal {
                result.deviations = [Deviation(finding: "disagrees-with-vector", severity: expectationSeverity, detail: result.got ?? "")]
            }
        }
        // An engine has no protocol: only what the vector's evidence makes it.
        if result.deviations.contains(where: { $0.severity.failsRun(strict: false) }) { result.verdict = .fail }
        return result
    }

    /// What the vector expects of an engine: `valid`, or the error type and
    /// the failing members and constraints; for an acceptable vector, the
    /// alternative too.
    public var expectedReport: String {
        guard let expected, result != .valid else { return "valid" }
        let parts = expected.violations.map { "\($0.member.wireName) \($0.constraint.rawValue)" }
        let error = "\(expected.errorType.rawValue)" + (parts.isEmpty ? "" : " [\(parts.joined(separator: ", "))]")
        switch (result, alternative) {
        case (.acceptable, .valid?): return "valid, or \(error)"
        case (.acceptable, .refused?): return "\(error), or the body refused as unusable"
        default: return expectsRefusal ? "the body refused as unusable" : error
        }
    }

    /// Why `report` does not conform, or `nil`.
    func mismatch(_ report: ValidationReport) -> String? {
        switch (result, expected) {
        case (.valid, _):
            return report.isValid ? nil : "expected valid, got \(Self.summary(report))"
        case (.acceptable, _) where report.isValid && allowsValidAnswer:
            return nil
        case (_, nil):
            return "the vector has no expectation"
        case (_, let expected?):
            if report.isValid { return "expected \(expected.errorType.rawValue), got valid" }
            if expectsRefusal { return "expected the body refused as malformed, got \(Self.summary(report))" }
            return expected.mismatch(report)
        }
    }

    /// `valid`, or `InvalidParameterException [UserPoolId pattern, ...]`.
    static func summary(_ report: ValidationReport) -> String {
        guard let type = report.errorType else { return "valid" }
        let parts = report.violations.map { "\($0.member.wireName) \($0.kind.rawValue)" }
        return "\(type.rawValue) [\(parts.joined(separator: ", "))]"
    }
}

extension Expectation {
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
