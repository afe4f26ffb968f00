import FeedbackConformance
import FeedbackRules
import Foundation
import FeedbackTestSupport
import Testing
@testable import FeedbackRunner

/// Secret hygiene on the paths where something goes wrong: an adapter that
/// quotes the case's `Username` and `FeedbackToken` and then crashes, writes
/// junk, goes silent, floods or answers for another id; a server that quotes
/// the request and then hangs, resets, answers garbage or too much. No value
/// may reach a result, nor a report in any format.
@Suite("Secrets on the runner's failure paths", .serialized)
struct FaultPathSecretTests {
    /// The `redaction.*` canaries: long, distinctive sensitive values.
    static let canaries = Result { try VectorLibrary.load().vectors.filter { $0.id.hasPrefix("redaction.") } }

    /// The sensitive values of `vectors`, read from the bytes they send.
    static func secrets(_ vectors: [Vector]) throws -> Set<String> {
        var secrets: Set<String> = []
        for vector in vectors {
            let body = try #require(try JSONSerialization.jsonObject(with: Data(vector.wireBytes)) as? [String: Any])
            for member in Member.allCases where member.isSensitive {
                if let value = body[member.wireName] as? String, value.unicodeScalars.count >= 4 { secrets.insert(value) }
            }
        }
        return secrets
    }

    /// Everything a run can show: each result's fields, and the report in
    /// every format.
    static func shown(_ results: [CaseResult]) -> String {
        let report = ConformanceReport(
            implementation: .init(kind: "test", name: "faulty", target: "fixture"), tool: "test", started: Date(), seconds: 1,
            settings: [:], results: results)
        let fields = results.map { ([$0.id, $0.expected, $0.got].compactMap { $0 } + $0.notes).joined(separator: "\n") }
        return (fields + ReportFormat.allCases.map { $0.render(report) }).joined(separator: "\n")
    }

    @Test("An adapter that quotes the values, then crashes, writes junk, goes silent, floods or misnames its reply, leaks nothing",
          .enabled(if: ClientRunnerTests.hasPython, "python3 is not installed"),
          arguments: ["crash", "junk", "silent", "flood", "wrong-id"])
    func adapterFaults(fault: String) async throws {
        let vectors = try Self.canaries.get().filter { $0.appliesTo.contains(.client) }
        let cases = ClientCase.cases(for: vectors, answers: false)
        try #require(cases.count >= 4)
        let (_, results) = await ClientRunnerTests.run(ClientRunnerTests.fault(fault) + ["--echo"], cases, timeout: 0.5) {
            $0.maxLineBytes = 1 << 16
        }
        #expect(results.count == cases.count && results.allSatisfy { $0.verdict == .error })
        let shown = Self.shown(results)
        for secret in try Self.secrets(vectors) { #expect(!shown.contains(secret), "a \(fault) run shows a canary value") }
        #expect(leakedValues(results, cases).isEmpty)
    }

    @Test("A server that quotes the request, then hangs, resets, answers garbage or too much, leaks nothing",
          arguments: ["echo-hang", "echo-reset", "echo-garbage", "echo-huge"])
    func serverFaults(mode: String) async throws {
        let vectors = try Self.canaries.get().filter { $0.appliesTo.contains(.server) }
        try #require(vectors.count >= 4)
        let (results, _) = try await ServerRunnerTests.run(mode, vectors: vectors)
        #expect(results.count == vectors.count && results.allSatisfy { $0.verdict == .error })
        let shown = Self.shown(results)
        for secret in try Self.secrets(vectors) { #expect(!shown.contains(secret), "a \(mode) run shows a canary value") }
    }
}
