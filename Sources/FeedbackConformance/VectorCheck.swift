import FeedbackRules

/// What a rules engine or linter made of a request body's bytes: its
/// report, or its refusal of the input as unusable.
///
/// ```swift
/// let answer = vector.operation.answer(json: vector.wireBytes)   // this project's engine
/// vector.mismatch(answer)   // nil when it conforms
/// ```
public enum EngineAnswer: Sendable, Hashable {
    /// The engine judged the body.
    case report(ValidationReport)
    /// The engine refused the bytes as unusable (not UTF-8, not JSON, not an
    /// object, a lone surrogate escape, ...), judging nothing.
    case refused(BodyError)
}

extension Vector {
    /// Judges what an engine made of the vector's bytes (``wireBytes``):
    /// `nil` when it conforms, else why not. The reason names members,
    /// constraints and the refusal's reason, never values.
    ///
    /// A refusal conforms, whatever its reason, for an `acceptable` vector
    /// whose alternative is ``Alternative/refused``, and for a malformed
    /// body's (``expectsRefusal``); a report is judged as the
    /// `ValidationReport` overload judges it, so a valid report does not
    /// conform to such a vector, nor does any report to a malformed body's.
    public func mismatch(_ answer: EngineAnswer) -> String? {
        switch answer {
        case .report(let report):
            return mismatch(report)
        case .refused where (result == .acceptable && alternative == .refused) || expectsRefusal:
            return nil
        case .refused(let error):
            let wanted = expected.map(\.errorType.rawValue) ?? "valid"
            return "expected \(wanted), got the body refused as unusable (\(error))"
        }
    }

    /// Judges a report against the vector: `nil` when it conforms, else
    /// why not. The reason names members and constraints, never values.
    ///
    /// Violations are compared as a multiset, so their order does not
    /// matter; a `nil` expected message matches any. A valid report
    /// conforms to a `valid` vector and to an `acceptable` one whose
    /// alternative is ``Alternative/valid`` (``allowsValidAnswer``).
    public func mismatch(_ report: ValidationReport) -> String? {
        switch (result, expected) {
        case (.valid, _):
            return report.isValid ? nil : "expected valid, got \(Self.summary(report))"
        case (.acceptable, _) where report.isValid && allowsValidAnswer:
            return nil
        case (_, nil):
            return "vector has no expectation"
        case (_, let expected?):
            if report.isValid { return "expected \(expected.errorType.rawValue), got valid" }
            if expectsRefusal { return "expected the body refused as malformed, got \(Self.summary(report))" }
            return expected.mismatch(report)
        }
    }

    static func summary(_ report: ValidationReport) -> String {
        guard let type = report.errorType else { return "valid" }
        let parts = report.violations.map { "\($0.member.wireName) \($0.kind.rawValue)" }
        return "\(type.rawValue) [\(parts.joined(separator: ", "))]"
    }
}

extension Expectation {
    /// Why `report` does not give this error, or `nil` when it does.
    public func mismatch(_ report: ValidationReport) -> String? {
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
        if let message, let got = report.message, !Self.sameMessage(message, got, parts: violations.compactMap(\.message)) {
            return "the aggregate message differs"
        }
        return nil
    }

    /// Whether two aggregate messages are equal up to the order of their
    /// parts: the same head (`N validation errors detected: `), then each of
    /// `parts` once, joined by `; `. Compared byte for byte.
    public static func sameMessage(_ expected: String, _ got: String, parts: [String]) -> Bool {
        if expected.utf8.elementsEqual(got.utf8) { return true }
        let marker = "detected: "
        guard let head = expected.firstRange(of: marker), let gotHead = got.firstRange(of: marker),
            expected.utf8[..<head.upperBound].elementsEqual(got.utf8[..<gotHead.upperBound])
        else { return false }
        var rest = got.utf8[gotHead.upperBound...]
        var remaining = parts
        while !remaining.isEmpty {
            guard let index = remaining.firstIndex(where: { rest.starts(with: $0.utf8) }) else { return false }
            rest = rest.dropFirst(remaining[index].utf8.count)
            remaining.remove(at: index)
            if !remaining.isEmpty {
                guard rest.starts(with: "; ".utf8) else { return false }
                rest = rest.dropFirst(2)
            }
        }
        return rest.isEmpty
    }
}

extension ExpectedViolation {
    /// Whether `violation` is this one (the message only when expected).
    public func matches(_ violation: Violation) -> Bool {
        violation.member == member && violation.kind == constraint && violation.path == path
            && (message == nil || message == violation.message)
    }
}
