import Foundation
import FeedbackTestSupport
import FeedbackConformanceTestSupport
import Testing
import FeedbackConformance
@testable import FeedbackRunner

/// A full client run over every case, for measuring an adapter: the one in
/// `COGNITO_FEEDBACK_CLIENT_ADAPTER` (the command, split on spaces), else
/// the Swift encoder's adapter built beside this test bundle, so that it
/// runs in every `swift test` and fails when the adapter is missing. Prints
/// the summary and the failing ids by reason; asserts that every case was
/// judged and no value leaked (whether the Swift adapter passes every case:
/// `ClientRunnerTests`).
@Suite("A full client run")
struct FullClientRunTests {
    static let command = ProcessInfo.processInfo.environment["COGNITO_FEEDBACK_CLIENT_ADAPTER"]

    @Test("Every client case against the adapter in COGNITO_FEEDBACK_CLIENT_ADAPTER, else the Swift adapter")
    func fullRun() async throws {
        let command: [String]
        if let given = Self.command {
            command = given.split(separator: " ").map(String.init)
        } else {
            let adapter = PackagePaths.swiftAdapter.path
            try #require(FileManager.default.isExecutableFile(atPath: adapter), "\(adapter) is missing: build the package first (swift build)")
            command = [adapter]
        }
        let runner = ClientRunner(options: .init(command: command))
        let vectors = try Vectors.for(.client)
        let cases = runner.cases(for: vectors)
        let clock = ContinuousClock()
        var outcome: (implementation: ConformanceReport.Implementation?, results: [CaseResult])?
        let elapsed = await clock.measure { outcome = await runner.run(vectors) }
        let (implementation, results) = try #require(outcome)
        if Self.command != nil {  // a measurement: say how it went; quiet in the default run
            let summary = ConformanceReport.Summary(results)
            print("\(implementation?.name ?? "?") \(implementation?.version ?? ""): \(summary.total) cases, \(summary.pass) pass, \(summary.fail) fail, "
                  + "\(summary.error) error, \(summary.unimplemented) unimplemented, \(results.count { $0.notes.contains("lints locally") }) lint locally, "
                  + "compliance \(summary.compliance)%, \(elapsed)")
            let byReason = Dictionary(grouping: results.filter { $0.verdict != .pass }, by: { $0.got ?? "" })
            for (reason, group) in byReason.sorted(by: { $0.value.count > $1.value.count }) {
                print("  \(group.count) × \(reason): \(group.prefix(4).map(\.id).joined(separator: ", "))")
            }
        }
        #expect(implementation != nil, "the adapter named itself")
        #expect(results.count == cases.count)
        #expect(leakedValues(results, cases).isEmpty)
    }
}
