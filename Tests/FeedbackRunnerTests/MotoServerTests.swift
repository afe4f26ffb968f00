import FeedbackConformance
import Foundation
import FeedbackTestSupport
import FeedbackProcessTestSupport
import Testing
@testable import FeedbackRunner

/// Every server vector against moto 5.2.1 (`moto_server`), started here on a
/// free port. moto implements neither operation: it answers both, and any
/// operation it lacks, with the same generic HTTP 500 HTML page (its log says
/// "The update_auth_event_feedback action has not been implemented"; the page
/// does not). The runner's missing-operation probe gets the same page, so
/// every case is `unimplemented`.
///
/// Needs moto importable by `python3` on `PATH` (`pip install -r Conformance/requirements.txt`);
/// without it the test fails and says so.
@Suite("Server runner against moto")
struct MotoServerTests {
    @Test("moto 5.2.1 implements neither operation: every server vector comes out unimplemented")
    func everyVectorUnimplemented() async throws {
        let vectors = try VectorLibrary.load().vectors(for: .server)
        try #require(vectors.count > 100)
        let moto = try ServerProcess.moto()
        defer { moto.stop() }
        // Alone, the run takes a few seconds; in a full `swift test` on two busy cores (the property suites
        // run beside it) a clean-clone CI run has passed 180 s for the 762 vectors. The deadline bounds a hang,
        // as the other server-run tests' 600 s do; it is not a speed test.
        let runner = ServerRunner(options: .init(endpoint: moto.endpoint, timeout: .seconds(30), concurrency: 4, deadline: .seconds(600)))
        let start = Date()
        let results = await runner.run(vectors)
        let seconds = Date().timeIntervalSince(start)
        #expect(results.count == vectors.count)
        let unexpected = results.filter { $0.verdict != .unimplemented }
        #expect(unexpected.isEmpty, "\(unexpected.prefix(5).map { "\($0.id): \($0.verdict) \($0.got ?? "")" })")
        // The content type is withheld where a Username or FeedbackToken value (such as "t") occurs in it.
        let gots = Set(results.map { $0.got ?? "nil" })
        #expect(gots.isSubset(of: ["HTTP 500 without an error type (text/html)", "HTTP 500 without an error type"]))
        print("moto: \(results.count) server vectors in \(String(format: "%.2f", seconds)) s, "
            + "\(String(format: "%.0f", Double(results.count) / seconds)) requests/s")
    }
}
