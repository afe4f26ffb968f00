import FeedbackTestSupport
import FeedbackVectors
import Testing

/// Usage errors quote what was typed; what was typed can be a sensitive value.
@Suite("Usage errors")
struct UsageErrorTests {
    @Test("A usage error that would quote a vector's Username or FeedbackToken says so, without the value")
    func sensitiveArgumentWithheld() async throws {
        let library = try VectorLibrary.load()
        let values = library.vectors.flatMap(\.sensitiveValues).filter { $0.utf8.count >= 4 && !$0.hasPrefix("-") }
        let value = try #require(values.first)
        // An unknown subcommand and an unknown option are quoted in their errors.
        for arguments in [[value], ["lint", "--\(value)"], ["vectors", "list", "--\(value)"]] {
            let run = try await ToolRun(arguments)
            #expect(run.status == 2)
            #expect(!run.everything.contains(value), "\(arguments.count) arguments")
            #expect(run.error.last?.contains("the reason is withheld") == true, "\(run.error)")
        }
    }

    @Test("Any other usage error names what is wrong")
    func ordinaryArgumentQuoted() async throws {
        let run = try await ToolRun(["lint", "--frobnicate"])
        #expect(run.status == 2)
        #expect(run.error == ["cognito-feedback: error: unknown option --frobnicate"])
    }
}
