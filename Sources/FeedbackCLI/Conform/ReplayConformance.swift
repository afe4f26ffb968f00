import FeedbackConformance
import FeedbackRunner
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `cognito-feedback conform replay`: recordings of `conform server
/// --record` judged again, offline, against the current vectors.
enum ReplayConformance {
    static let help = """
        USAGE: cognito-feedback conform replay <recording> [<recording>...] [options]

        Judges recorded exchanges (conform server --record; Conformance/recordings/README.md)
        against the current vectors, without a network: each recorded answer is judged
        as a live run judges it, with the recorded probes, and reported in the same
        formats. For each vector the last exchange recorded counts, across the files in
        the order given. A vector whose request changed since it was recorded, or that
        has no exchange, is not judged (the report's notes say which). Recordings of the
        real service (reference) turn failures into disputes with the vectors.

        OPTIONS:
          --strict                 Also fail on protocol deviations: the validation message
                                   (compared part by part), a 2xx other than 200, an error
                                   type the operation does not model or only in a header.
          --name <name>            The name to give the implementation in the report.
          --expect <file>          An expectation file of known issues.
          --format text|json|junit The report's format (default text).
          --output <file>          Write the report to <file>; a one-line summary goes to
                                   standard output.
          --quiet                  Accepted for symmetry; a replay prints no progress.
        \(VectorSelection.help)
          -h, --help               Show this help.

        EXIT STATUS: 0 when no case fails the run, 1 when some do (or a recording of the
        reference disputes a vector), 2 on usage errors or an unreadable recording, 3 when
        the report cannot be written to standard output.

        EXAMPLE:
          cognito-feedback conform replay --strict Conformance/recordings/*.jsonl
        """

    static func run(_ arguments: ArraySlice<String>, io: ToolIO) async throws(UsageError) -> Int32 {
        let args = try Arguments(arguments, options: ConformCommand.commonOptions.union(["--name"]),
                                 switches: ConformCommand.commonSwitches.union(["--strict"]))
        if !args.switches.isDisjoint(with: ["--help", "-h"]) { io.output.write(help + "\n"); return 0 }
        guard !args.positionals.isEmpty else { throw UsageError("conform replay needs one or more recordings") }
        var exchanges: [RecordedExchange] = []
        for path in args.positionals {
            do { exchanges += try Replay.read(path) } catch {
                throw UsageError("cannot replay " + TerminalText.escaped(error.description, limit: 400))
            }
        }
        let settings = try ConformSettings(args, filter: io.filter)
        let replay = Replay(exchanges: exchanges)
        let started = Date()
        let clock = ContinuousClock.now
        let strict = args.switches.contains("--strict")
        let run = replay.judge(settings.selection.vectors, strict: strict)
        guard !run.results.isEmpty else {
            settings.output?.abandon()
            throw UsageError("no selected vector has a recorded exchange")
        }
        let redactor = Redactor(vectors: settings.selection.library.vectors)
        io.filter.use(redactor)
        let endpoints = replay.endpoints
        let report = ConformanceReport(
            implementation: .init(kind: "server", name: args.values["--name"] ?? "replay of \(endpoints.joined(separator: ", "))",
                                  target: args.positionals.joined(separator: " ")),
            tool: Tool.version, started: started, seconds: (ContinuousClock.now - clock).seconds,
            settings: ["strict": "\(strict)", "replayed": "\(exchanges.count) exchanges", "reference": "\(replay.isReference)"],
            results: run.results, reference: replay.isReference, requestIds: run.requestIds, notes: run.notes,
            traffic: run.traffic)
        return settings.finish(report, redactor: redactor, io: io)
    }
}
