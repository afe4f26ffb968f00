import FeedbackConformance
import FeedbackSigning
import FeedbackVectors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `cognito-feedback` command: dispatches to its subcommands.
package enum Tool {
    /// The tool's version.
    package static let version = "0.2.0"

    static let help = """
        cognito-feedback: the rules of Amazon Cognito's UpdateAuthEventFeedback and
        AdminUpdateAuthEventFeedback, exactly as the service applies them.

        USAGE: cognito-feedback <subcommand> [options]

        SUBCOMMANDS:
          lint      Judge request bodies (JSON, as sent on the wire) as Cognito would.
          vectors   List, show or self-check the conformance test vectors.
          conform   Check a server (over HTTP), the real service, or a client (through an adapter)
                    against the vectors; replay recordings of the real service.

        OPTIONS:
          -h, --help     Show help (also: cognito-feedback <subcommand> --help).
          --version      Show the version, and which vectors it carries.

        EXAMPLES:
          cognito-feedback lint --operation UpdateAuthEventFeedback request.json
          cognito-feedback lint --operation admin --jsonl --format json requests.jsonl
          cognito-feedback vectors list --flag AsciiWord
          cognito-feedback conform server --endpoint http://127.0.0.1:5000
          cognito-feedback conform server --region us-east-1 --record us-east-1.jsonl
          cognito-feedback conform client -- python3 Conformance/adapters/botocore/adapter.py
        """

    /// The exit status when the results could not be written (standard
    /// output closed or full).
    package static let outputFailed: Int32 = 3

    /// Flushes the output and returns the exit status: `status`, or
    /// ``outputFailed`` (with one line on standard error) when the results
    /// did not all reach standard output.
    package static func finish(_ status: Int32, io: ToolIO) -> Int32 {
        guard io.output.flush() else {
            io.error("cognito-feedback: error: cannot write the results to standard output (\(io.output.failure ?? "unknown error"))")
            return outputFailed
        }
        return status
    }

    /// Runs the tool on `arguments` (without the program name) and returns
    /// the exit status: 0 success, 1 invalid requests or failed checks,
    /// 2 unusable input or usage errors, 3 results that could not be
    /// written. Call ``finish(_:io:)`` after it to flush the output.
    package static func run(_ arguments: [String], io: ToolIO) async -> Int32 {
        guard let command = arguments.first else {
            io.error("cognito-feedback: error: missing subcommand (lint, vectors or conform); see --help")
            return 2
        }
        do throws(UsageError) {
            switch command {
            case "lint": return try LintCommand.run(arguments.dropFirst(), io: io)
            case "vectors": return try VectorsCommand.run(arguments.dropFirst(), io: io)
            case "conform": return try await ConformCommand.run(arguments.dropFirst(), io: io)
            case "-h", "--help", "help":
                let topic = arguments.dropFirst().first
                let topics = ["lint": LintCommand.help, "vectors": VectorsCommand.help, "conform": ConformCommand.help]
                io.output.write((topic.flatMap { topics[$0] } ?? help) + "\n")
                return 0
            case "--version":
                let vectors = (try? VectorLibrary.load()).map(\.version) ?? "the built-in vectors do not load"
                io.output.write("cognito-feedback \(version) (vectors: \(vectors))\n")
                return 0
            default: throw UsageError("unknown subcommand '\(command)'; expected lint, vectors or conform")
            }
        } catch {
            io.error("cognito-feedback: error: " + (usageRedactor().shown(error.message)
                ?? "the arguments are not usable (the reason is withheld: it quotes a Username, a FeedbackToken or a credential)"))
            return 2
        }
    }

    /// The filter for a usage error, which may quote an argument: it knows
    /// every vector's sensitive values and the credentials the environment
    /// (or its default profile) holds, like the run it did not start.
    static func usageRedactor() -> Redactor {
        let vectors = (try? VectorLibrary.load())?.vectors ?? []
        let found = try? CredentialChain(environment: ProcessInfo.processInfo.environment).credentials()
        return Redactor(vectors: vectors, credentials: found.map { [$0.credentials] } ?? [])
    }
}
