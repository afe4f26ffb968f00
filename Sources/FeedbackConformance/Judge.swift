/// One of the project's judges: what a case expects, and the verdict on
/// what an implementation made of it.
///
/// The three judges share this shape, as swift-certificates' policies
/// share `VerifierPolicy`: ``EngineJudge`` judges a rules engine's or a
/// linter's report of a vector's bytes, ``ServerJudge`` a server's answer to
/// a vector's request, ``ClientJudge`` the request a client sent for a
/// ``ClientCase`` and what it surfaced. Each is pure: it reads what it is
/// given, never the network or a file.
///
/// ```swift
/// func verdicts<J: Judge>(_ judge: J, _ observed: [(J.Case, J.Observation)]) -> [CaseResult] {
///     observed.map { item, observation in judge.judge(observation, of: item) }
/// }
/// ```
///
/// A result's `expected` is ``expectation(for:)``; neither it nor `got`
/// ever quotes a value of the request.
public protocol Judge: Sendable {
    /// What is judged against: a vector, or a client case.
    associatedtype Case
    /// What the implementation made of it.
    associatedtype Observation

    /// What `item` expects, as reports show it.
    func expectation(for item: Case) -> String

    /// The verdict on `observation`, what the implementation made of `item`.
    func judge(_ observation: Observation, of item: Case) -> CaseResult
}
