import FeedbackRules
import FeedbackVectors
import FeedbackWire

/// Judges a server's answer to a vector's request, as the service would
/// have answered it: status, error type, violations and, when ``strict``,
/// messages; a sign that the server does not know the operation makes the
/// case ``Verdict/unimplemented``.
///
/// ```swift
/// let answer = WireResponse(status: 400, headers: ["X-Amzn-ErrorType": "InvalidParameterException"], body: [])
/// let result = ServerJudge().judge(answer, of: vector)
/// result.verdict   // .pass for an invalid vector expecting InvalidParameterException
/// ```
public struct ServerJudge: Judge {
    /// Whether `protocol` deviations and message differences fail a case
    /// too (`--strict`), not only `service` ones.
    public var strict: Bool
    /// The server's answer to an operation that does not exist, for the
    /// same signing as the vectors judged: an answer like it means the
    /// server does not know the operation.
    public var unknownOperation: WireResponse?

    /// A judge at `strict`, with the server's answer to an unknown
    /// operation when one was probed.
    public init(strict: Bool = false, unknownOperation: WireResponse? = nil) {
        self.strict = strict
        self.unknownOperation = unknownOperation
    }

    /// `HTTP 400 InvalidParameterException [Username pattern]`, `HTTP 200
    /// or a non-validation error`, or each allowed answer joined by `, or `.
    public func expectation(for vector: Vector) -> String { vector.expectedAnswer }

    /// The verdict on the server's `answer` to `vector`.
    public func judge(_ answer: WireResponse, of vector: Vector) -> CaseResult {
        vector.judge(answer, strict: strict, unknownOperation: unknownOperation)
    }
}
