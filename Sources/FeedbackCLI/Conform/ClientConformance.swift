import FeedbackConformance
import FeedbackRunner
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `cognito-feedback conform client`: every client case through an adapter.
enum ClientConformance {
    static let help = """
        USAGE: cognito-feedback conform client [options] -- <adapter command> [<argument>...]

        Starts the adapter command and speaks the adapter protocol (Conformance/PROTOCOL.md)
        over its standard input and output: for each case the client builds the request
        (which must be exact: method, path, target, content type, every member scalar
        for scalar, unsigned for UpdateAuthEventFeedback, validly SigV4-signed for the
        Admin operation) and surfaces a canned service answer (which must come out as
        the error's short type name, in every form a service uses). The cases: every
        client vector, then the canned-answer cases (ids answer.*). Nothing is sent to
        any network; the credentials are fake.

        OPTIONS:
          --strict                 Also fail on protocol deviations (signing the optional-auth
                                   UpdateAuthEventFeedback, reading the error type only from
                                   __type, ...); by default a run fails on service ones only.
        \(ConformCommand.regionHelp)
        \(ConformCommand.commonHelp)

        EXIT STATUS: 0 when no case fails the run (by default: no service deviation beyond
        the expectation file; with --strict: no protocol one either), 1 when some do, 2 on usage or set-up
        errors (among them an adapter command that does not exist, or an adapter that
        never answers 'start'), 3 when the report cannot be written.

        An adapter that fails to start, or stops during the run, is explained on
        standard error: the last lines of its standard error (filtered: a line holding
        a Username, a FeedbackToken or a secret is withheld) and the command to try by
        hand.

        EXAMPLE:
          cognito-feedback conform client --format junit --output botocore.xml \\
              --expect Conformance/expectations/botocore.json \\
              -- python3 Conformance/adapters/botocore/adapter.py

        No report, log or progress line ever holds a Username or FeedbackToken value:
        an adapter's messages and standard error are filtered before they are shown.
        """

    static func run(_ arguments: ArraySlice<String>, io: ToolIO) async throws(UsageError) -> Int32 {
        let args = try Arguments(arguments, options: ConformCommand.commonOptions,
                                 switches: ConformCommand.commonSwitches.union(["--strict"]))
        if !args.switches.isDisjoint(with: ["--help", "-h"]) { io.output.write(help + "\n"); return 0 }
        guard !args.positionals.isEmpty else {
            throw UsageError("conform client needs the adapter command after '--', e.g. -- python3 adapter.py")
        }
        let settings = try ConformSettings(args, filter: io.filter)
        var options = ClientRunner.Options(command: args.positionals)
        options.timeout = .seconds(settings.timeout)
        options.deadline = .seconds(settings.deadline)
        options.region = settings.region
        options.strict = args.switches.contains("--strict")
        let cases = ClientCase.cases(for: settings.selection.vectors.filter { $0.appliesTo.contains(.client) }, answers: false)
            + settings.selection.answerCases
        guard !cases.isEmpty else {
            settings.output?.abandon()
            throw UsageError("no client vector or answer case matches the filters")
        }
        let redactor = Redactor(vectors: settings.selection.library.vectors, cases: ClientCase.answerCases,
                                credentials: [options.credentials])
        options.redactor = redactor
        io.filter.use(redactor)
        let progress = ProgressLine(io: io, quiet: settings.quiet)
        let started = Date()
        let clock = ContinuousClock.now
        let run = await ClientRunner(options: options).perform(cases: cases, progress: progress.update)
        progress.finish()
        guard let implementation = run.implementation else {
            settings.output?.abandon()
            io.error("cognito-feedback: error: the adapter did not start: "
                + redactor.filtered(TerminalText.escaped(run.results.first?.got ?? "no reply to 'start'", limit: 400)))
            run.adapterFailure.map { explain($0, redactor: redactor, io: io) }
            return 2
        }
        if let failure = run.adapterFailure {
            io.error("cognito-feedback: the adapter failed at "
                + redactor.filtered(TerminalText.escaped("\(failure.caseID): \(failure.reason)", limit: 400)))
            explain(failure, redactor: redactor, io: io)
        }
        var recorded = settings.recorded
        recorded["strict"] = "\(options.strict)"
        let report = ConformanceReport(implementation: implementation, tool: Tool.version, started: started,
                                       seconds: (ContinuousClock.now - clock).seconds, settings: recorded,
                                       results: run.results)
        return settings.finish(report, redactor: redactor, io: io)
    }

    /// Prints the end of the adapter's standard error and the command to
    /// try it by hand, each line escaped, then filtered.
    static func explain(_ failure: ClientRun.AdapterFailure, redactor: Redactor, io: ToolIO) {
        if !failure.standardError.isEmpty {
            io.error("cognito-feedback: the adapter's standard error ended with:")
            for line in failure.standardError { io.error("  " + redactor.filtered(TerminalText.escaped(line, limit: 300))) }
        }
        io.error("cognito-feedback: to try the adapter by hand, run it and type a start line (Conformance/PROTOCOL.md): "
            + redactor.filtered(TerminalText.escaped(failure.command, limit: 1000)))
    }
}
