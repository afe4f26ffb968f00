import FeedbackConformance
import FeedbackRunner
import Foundation

/// `cognito-feedback conform server`: every server vector, as the real
/// request, against an endpoint.
enum ServerConformance {
    static let help = """
        USAGE: cognito-feedback conform server --endpoint <url> [options]

        Sends every server vector as the real awsJson1.1 request (POST, the endpoint's
        path, X-Amz-Target, the vector's body bytes exactly; the Admin operation
        SigV4-signed with test credentials) and judges each answer: invalid vectors
        must get HTTP 400 and the expected error type, valid ones must not get a
        validation error. Before the vectors, it asks for an operation that does not
        exist, to recognise servers that lack the operations (unimplemented).

        OPTIONS:
          --endpoint <url>         The server's base URL, e.g. http://127.0.0.1:5000. Required.
          --strict                 Also compare the validation message, part by part.
          --concurrency <n>        Requests in flight at once (default 4).
          --name <name>            The name to give the implementation in the report.
        \(ConformCommand.commonHelp)

        EXIT STATUS: 0 when no case fails the run, 1 when some do, 2 on usage or set-up
        errors, 3 when the report cannot be written to standard output.

        EXAMPLE:
          moto_server -p 5000 &
          cognito-feedback conform server --endpoint http://127.0.0.1:5000 \\
              --expect Conformance/expectations/moto-server.json

        No report, log or progress line ever holds a Username or FeedbackToken value.
        """

    static func run(_ arguments: ArraySlice<String>, io: ToolIO) async throws(UsageError) -> Int32 {
        let args = try Arguments(arguments, options: ConformCommand.commonOptions.union(["--endpoint", "--concurrency", "--name"]),
                                 switches: ConformCommand.commonSwitches.union(["--strict"]))
        if !args.switches.isDisjoint(with: ["--help", "-h"]) { io.output.write(help + "\n"); return 0 }
        guard args.positionals.isEmpty else { throw UsageError("conform server takes no arguments; did you mean --endpoint?") }
        guard let endpoint = args.values["--endpoint"], let url = URL(string: endpoint),
              ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
        else { throw UsageError("conform server needs --endpoint with an http or https URL") }
        let concurrency = try args.number("--concurrency", default: 4, range: 1...256)
        let settings = try ConformSettings(args)
        var options = ServerRunner.Options(endpoint: url)
        options.strict = args.switches.contains("--strict")
        options.timeout = settings.timeout
        options.deadline = Double(settings.deadline)
        options.concurrency = concurrency
        options.region = settings.region
        let vectors = settings.selection.vectors.filter { $0.appliesTo.contains(.server) }
        guard !vectors.isEmpty else {
            settings.output?.abandon()
            throw UsageError("no server vector matches the filters")
        }
        let redactor = Redactor(vectors: settings.selection.library.vectors, credentials: [options.credentials])
        let progress = ProgressLine(io: io, quiet: settings.quiet)
        let started = Date()
        let clock = ContinuousClock.now
        let results = await ServerRunner(options: options).run(vectors, progress: progress.update)
        progress.finish()
        var recorded = settings.recorded
        recorded["strict"] = "\(options.strict)"
        recorded["concurrency"] = "\(options.concurrency)"
        let report = ConformanceReport(
            implementation: .init(kind: "server", name: args.values["--name"] ?? url.host ?? endpoint, target: endpoint),
            tool: Tool.version, started: started, seconds: (ContinuousClock.now - clock).seconds,
            settings: recorded, results: results)
        return settings.finish(report, redactor: redactor, io: io)
    }
}
