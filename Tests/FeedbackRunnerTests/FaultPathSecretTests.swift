import FeedbackConformance
import FeedbackRules
import Foundation
import FeedbackTestSupport
import FeedbackConformanceTestSupport
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

    /// Everything a run can show: the report in every format, rendered as
    /// the tool renders it (with the run's redactor: every vector's values).
    static func shown(_ results: [CaseResult]) throws -> String {
        let report = ConformanceReport(
            implementation: .init(kind: "test", name: "faulty", target: "fixture"), tool: "test", started: Date(), seconds: 1,
            settings: [:], results: results)
        let redactor = Redactor(vectors: try VectorLibrary.load().vectors, cases: ClientCase.answerCases, credentials: [.test])
        return ReportFormat.allCases.map { $0.render(report, redactor: redactor) }.joined(separator: "\n")
    }

    /// `text` with every UTF-16 unit as a JSON `\uXXXX` escape, as a peer
    /// may send it.
    static func escaped(_ text: String) -> String {
        text.utf16.map { "\\u" + String(repeating: "0", count: 4 - String($0, radix: 16).count) + String($0, radix: 16) }.joined()
    }

    /// Whether `shown` holds any of `secrets`, as written or escaped.
    static func leaks(_ shown: String, _ secrets: Set<String>) -> [String] {
        secrets.filter { shown.contains($0) || shown.contains(escaped($0)) || shown.lowercased().contains($0.lowercased()) }
            .map { "\($0.unicodeScalars.count)-scalar value" }
    }

    @Test("An adapter that quotes the values (also on standard error), then crashes, raises, writes junk, goes silent, floods or misnames its reply, leaks nothing",
          .enabled(if: ClientRunnerTests.hasPython, "python3 is not installed"),
          arguments: ["crash", "raise", "junk", "silent", "flood", "wrong-id"])
    func adapterFaults(fault: String) async throws {
        let vectors = try Self.canaries.get().filter { $0.appliesTo.contains(.client) }
        let cases = ClientCase.cases(for: vectors, answers: false)
        try #require(cases.count >= 4)
        var options = ClientRunner.Options(command: ClientRunnerTests.fault(fault) + ["--echo"])
        options.timeout = .seconds(0.5)
        options.maxLineBytes = 1 << 16
        let run = await ClientRunner(options: options).perform(cases: cases)
        let results = run.results
        #expect(results.count == cases.count && results.allSatisfy { $0.verdict == .error })
        #expect(Self.leaks(try Self.shown(results), try Self.secrets(vectors)).isEmpty, "a \(fault) run shows a canary value")
        #expect(leakedValues(results, cases).isEmpty)
        let failure = try #require(run.adapterFailure)
        let explained = ([failure.reason, failure.command] + failure.standardError).joined(separator: "\n")
        #expect(Self.leaks(explained, try Self.secrets(vectors)).isEmpty, "the end of a \(fault) adapter's standard error shows a canary value")
    }

    @Test("A server that quotes the request, then hangs, resets, answers garbage or too much, leaks nothing",
          arguments: ["echo-hang", "echo-reset", "echo-garbage", "echo-huge"])
    func serverFaults(mode: String) async throws {
        let vectors = try Self.canaries.get().filter { $0.appliesTo.contains(.server) }
        try #require(vectors.count >= 4)
        let (results, _) = try await ServerRunnerTests.run(mode, ["--answer-probes"], vectors: vectors)
        #expect(results.count == vectors.count && results.allSatisfy { $0.verdict == .error })
        #expect(Self.leaks(try Self.shown(results), try Self.secrets(vectors)).isEmpty, "a \(mode) run shows a canary value")
    }

    @Test("A server that answers with an earlier request's values (type, message, headers; raw and escaped) leaks nothing")
    func serverEchoesEarlierValues() async throws {
        let vectors = try Self.canaries.get().filter { $0.appliesTo.contains(.server) }
        let (results, _) = try await ServerRunnerTests.run("echo-earlier", vectors: vectors, options: { $0.concurrency = 1 })
        #expect(results.count == vectors.count)
        #expect(Self.leaks(try Self.shown(results), try Self.secrets(vectors)).isEmpty, "an earlier request's value shows")
    }

    @Test("An adapter whose error or unsupported text holds an escaped or an earlier case's value leaks nothing",
          .enabled(if: ClientRunnerTests.hasPython, "python3 is not installed"), arguments: ["leak-escaped", "leak-earlier"])
    func adapterEchoesEarlierOrEscapedValues(fault: String) async throws {
        let vectors = try Self.canaries.get().filter { $0.appliesTo.contains(.client) }
        let cases = ClientCase.cases(for: vectors, answers: false)
        let (_, results) = await ClientRunnerTests.run(ClientRunnerTests.fault(fault), cases, timeout: 5)
        #expect(results.count == cases.count && results.allSatisfy { $0.verdict != .pass })
        #expect(Self.leaks(try Self.shown(results), try Self.secrets(vectors)).isEmpty, "a \(fault) run shows a canary value")
    }
}
