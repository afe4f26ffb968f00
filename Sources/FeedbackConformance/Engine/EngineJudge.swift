import FeedbackRules
import FeedbackVectors
import FeedbackWire

/// Judges what a rules engine or a linter made of a vector's bytes
/// (`Vector.wireBytes`): its report, or its refusal of the
/// input as unusable.
///
/// ```swift
/// let outcome = Result { () throws(JSONError) in try vector.operation.validate(json: vector.wireBytes) }
/// let result = EngineJudge().judge(outcome, of: vector)
/// result.verdict   // .pass, or .fail with the reason in `got`
/// ```
///
/// A report conforms when it gives an allowed error
/// (`Vector.allowedErrors`): the same error type, the
/// expected violations as a multiset, each expected message part where one
/// is documented, and the aggregate message up to the order of its parts.
/// A valid report conforms where the vector allows valid; a refusal where
/// it allows one. An engine states the project's reading, so it must agree
/// with every vector, inferred ones included: each disagreement fails.
public struct EngineJudge: Judge {
    /// The engine judge.
    public init() {}

    /// `valid`, or the error type and the failing members and constraints,
    /// or the body refused as unusable; for an acceptable vector, each
    /// allowed answer, `expected` first.
    public func expectation(for vector: Vector) -> String { vector.expectedReport }

    /// The verdict on an engine's report of `vector`, or its refusal.
    public func judge(_ outcome: Result<ValidationReport, JSONError>, of vector: Vector) -> CaseResult {
        vector.judge(outcome)
    }
}
