import Foundation
import FeedbackTestSupport
import Testing
import FeedbackConformance
@testable import FeedbackRunner

/// A full client run over every case, for measuring an adapter: enabled by
/// `COGNITO_FEEDBACK_CLIENT_ADAPTER` (the command, split on spaces). Prints
/// the summary and the failing ids by reason; asserts only that every case
/// was judged and no value leaked.
@Suite("A full client run (on demand)")
struct FullClientRunTests {
    static let command = ProcessInfo.processInfo.environment["COGNITO_FEEDBACK_CLIENT_ADAPTER"]

    @Test("Every client case against the adapter in COGNITO_FEEDBACK_CLIENT_ADAPTER", .enabled(if: command != nil))
    func fullRun() async throws {
        let command = try #require(Self.command).split(separator: " ").map(String.init)
        let runner = ClientRunner(options: .init(command: command))
        let cases = runner.cases(for: Vectors.for(.client))
        let clock = ContinuousClock()
        var outcome: (implementation: ConformanceReport.Implementation?, results: [CaseResult])?
        let elapsed = await clock.measure { outcome = await runner.run(Vectors.for(.client)) }
        let (implementation, results) = try #require(outcome)
        let summary = ConformanceReport.Summary(results)
        print("\(implementation?.name ?? "?") \(implementation?.version ?? ""): \(summary.total) cases, \(summary.pass) pass, \(summary.fail) fail, "
              + "\(summary.error) error, \(summary.unimplemented) unimplemented, \(results.count { $0.notes.contains("lints locally") }) lint locally, "
              + "compliance \(summary.compliance)%, \(elapsed)")
        let byReason = Dictionary(grouping: results.filter { $0.verdict != .pass }, by: { $0.got ?? "" })
        for (reason, group) in byReason.sorted(by: { $0.value.count > $1.value.count }) {
            print("  \(group.count) × \(reason): \(group.prefix(4).map(\.id).joined(separator: ", "))")
        }
        #expect(results.count == cases.count)
        #expect(leakedValues(results, cases).isEmpty)
    }
}
