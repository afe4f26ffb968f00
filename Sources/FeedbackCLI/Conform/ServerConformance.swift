import FeedbackConformance
import FeedbackRunner
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `cognito-feedback conform server`: every server vector, as the real
/// request, against an endpoint: an implementation under test, or the real
/// service as the reference the vectors are checked against.
enum ServerConformance {
    static let help = """
        USAGE: cognito-feedback conform server --endpoint <url> [options]
               cognito-feedback conform server --region <region> [options]

        Sends every server vector as the real awsJson1.1 request (POST, the endpoint's
        path, X-Amz-Target, the vector's body bytes exactly; the Admin operation
        SigV4-signed) and judges each answer: invalid vectors must get HTTP 400 and the
        expected error type, valid ones must not get a validation error. Before the
        vectors, it asks for an operation that does not exist, to recognise servers that
        lack the operations (unimplemented); when neither of those requests gets an
        answer, nothing else is sent and the run ends with exit status 2.

        THE REAL SERVICE: --region <region> (without --endpoint) targets
        https://cognito-idp.<region>.amazonaws.com/ as the reference: a case it fails is
        a dispute with the vector (listed apart; see vectors/README.md, "Disputes"), not
        a bug. UpdateAuthEventFeedback needs no credentials. The Admin operation is
        signed with AWS credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
        AWS_SESSION_TOKEN, or --profile / AWS_PROFILE from AWS_SHARED_CREDENTIALS_FILE
        and AWS_CONFIG_FILE, by default ~/.aws/credentials and ~/.aws/config); without
        them its vectors are not run, and the report says so. The test keys sign only
        for other endpoints (emulators). See Conformance/README.md, "Check the vectors
        against your AWS account".

        OPTIONS:
          --endpoint <url>         The server's base URL, e.g. http://127.0.0.1:5000.
          --region <region>        Without --endpoint: the real service in <region>. With
                                   it: the region of the signature (default: the one in an
                                   AWS endpoint's host name, else us-east-1).
          --reference              The endpoint is the real service (implied by --region
                                   alone, and by an amazonaws.com endpoint): sign with AWS
                                   credentials, never the test keys; failures are disputes.
          --profile <name>         Sign with the credentials of this profile of the shared
                                   files (for any endpoint).
          --record <file>          Write every exchange (probes and retries included) to
                                   <file>, one JSON object a line: ids, times, statuses,
                                   error types, messages, request ids; never a request
                                   body or a secret (Conformance/recordings/README.md).
          --rate <n>               Requests per second at most, probes and retries included
                                   (default 4 for endpoints that are not this machine, none
                                   for loopback ones; 0: none).
          --max-requests <n>       Requests in all at most (default 1000); the cases left
                                   are errors.
          --max-attempts <n>       Attempts per request answered HTTP 5xx, with jittered
                                   exponential backoff (default 3). Throttling answers
                                   (TooManyRequestsException, ThrottlingException, HTTP
                                   429) are counted apart: see THROTTLING.
          --max-throttled <n>      Throttling answers a request is sent again after, and
                                   throttling answers in a row after which the run sends
                                   nothing more, the cases left being errors (default 40;
                                   1: a throttled request is not sent again).
          --ca-file <file>         Trust only the CAs in this PEM file for https (needs curl).
          --strict                 Also fail on protocol deviations: the validation message
                                   (compared part by part), a 2xx other than 200, an error
                                   type the operation does not model or only in a header.
          --concurrency <n>        Requests in flight at once (default 4).
          --name <name>            The name to give the implementation in the report.
        \(ConformCommand.commonHelp)

        THROTTLING: as botocore's "adaptive" retry mode does, the first throttling answer
        turns on a client-side rate limiter: a token bucket whose rate is cut to 0.7
        times the rate measured (at most once per half second) on each throttling answer
        and grows back along a CUBIC curve as other answers come, never below 0.5
        requests/s; it applies to every request of the run, under --rate. A throttled
        request is sent again after a short random wait (0 to 0.25 s) that does not
        grow, and does not use up one of its --max-attempts. A Retry-After in seconds or
        as an HTTP date holds back every request of the run that long (at most 60 s).
        No wait goes past --deadline: a request whose turn would come later is not sent,
        and its case is an error. The report counts the throttled answers and gives the
        rate the limiter settled at (JSON: traffic.throttled, traffic.settledRate).

        HTTPS: https:// endpoints go through curl (found on PATH) with the certificate
        always verified, against the system's CAs or only --ca-file's. Without curl they
        cannot be reached (the tool links no TLS library of its own).

        EXIT STATUS: 0 when no case fails the run, 1 when some do (or the reference
        disputes a vector), 2 on usage or set-up errors (among them a server that does
        not answer, or a recording or report file that cannot be opened), 3 when the
        report or the recording cannot be written (standard output or the file closed
        or full).

        EXAMPLES:
          moto_server -p 5000 &
          cognito-feedback conform server --endpoint http://127.0.0.1:5000 \\
              --expect Conformance/expectations/moto-server.json
          cognito-feedback conform server --region us-east-1 --strict \\
              --record Conformance/recordings/us-east-1.jsonl

        No report, recording, log or progress line ever holds a Username or
        FeedbackToken value, nor a credential's secret.
        """

    static func run(_ arguments: ArraySlice<String>, io: ToolIO) async throws(UsageError) -> Int32 {
        let own: Set<String> = ["--endpoint", "--concurrency", "--name", "--profile", "--record", "--rate", "--max-requests",
                                "--max-attempts", "--max-throttled", "--ca-file"]
        let args = try Arguments(arguments, options: ConformCommand.commonOptions.union(own),
                                 switches: ConformCommand.commonSwitches.union(["--strict", "--reference"]))
        if !args.switches.isDisjoint(with: ["--help", "-h"]) { io.output.write(help + "\n"); return 0 }
        guard args.positionals.isEmpty else { throw UsageError("conform server takes no arguments; did you mean --endpoint?") }
        let target = try Target(args)
        let concurrency = try args.number("--concurrency", default: 4, range: 1...256)
        let maxRequests = try args.number("--max-requests", default: ServerRunner.defaultMaxRequests, range: 1...1_000_000)
        let maxAttempts = try args.number("--max-attempts", default: RetryPolicy().maxAttempts, range: 1...10)
        let maxThrottled = try args.number("--max-throttled", default: RetryPolicy.defaultMaxThrottled, range: 1...1000)
        let rate = try Self.rate(args, target: target)
        let caFile = try Self.caFile(args, target: target)
        let signer = try Signer(args, reference: target.reference)
        if signer.credentials != nil, signer.credentials != .test, target.url.scheme?.lowercased() == "http",
           !ServiceEndpoint.isLoopback(host: target.url.host ?? "") {
            throw UsageError("AWS credentials are sent only over https, or to this machine: the session token is a header")
        }
        let settings = try ConformSettings(args, filter: io.filter)
        var options = ServerRunner.Options(endpoint: target.url)
        options.strict = args.switches.contains("--strict")
        options.timeout = .seconds(settings.timeout)
        options.deadline = .seconds(settings.deadline)
        options.concurrency = concurrency
        options.region = target.region
        options.credentials = signer.credentials
        options.rate = rate
        options.maxRequests = maxRequests
        options.retry = RetryPolicy(maxAttempts: maxAttempts, maxThrottled: maxThrottled)
        options.caFile = caFile
        options.reference = target.reference
        options.tool = "cognito-feedback \(Tool.version)"
        let vectors = settings.selection.vectors.filter { $0.appliesTo.contains(.server) }
        guard !vectors.isEmpty else {
            settings.output?.abandon()
            throw UsageError("no server vector matches the filters")
        }
        let redactor = Redactor(vectors: settings.selection.library.vectors, credentials: signer.credentials.map { [$0] } ?? [])
        io.filter.use(redactor)
        let recording: Recording?
        do throws(UsageError) {
            recording = try args.values["--record"].map { path throws(UsageError) in
                Recording(file: try OutputFile(path: path, what: "the recording", filter: io.filter))
            }
        } catch {
            settings.output?.abandon()
            throw error
        }

        let progress = ProgressLine(io: io, quiet: settings.quiet)
        let started = Date()
        let clock = ContinuousClock.now
        let run = await ServerRunner(options: options).perform(vectors, redactor: redactor, progress: progress.update,
                                                               record: recording.map { recording in recording.write })
        progress.finish()
        if let unreachable = run.unreachable {
            recording?.file.abandon()
            settings.output?.abandon()
            io.error("cognito-feedback: error: " + TerminalText.escaped(
                "no usable answer from \(target.url.absoluteString): \(unreachable); no vector was sent", limit: 400))
            return 2
        }
        if let recording {
            do throws(UsageError) {
                try recording.file.commit()
            } catch {
                settings.output?.abandon()
                io.error("cognito-feedback: error: \(TerminalText.escaped(error.message, limit: 400))")
                return Tool.outputFailed
            }
        }
        var recorded = settings.recorded
        recorded["region"] = target.region
        recorded["strict"] = "\(options.strict)"
        recorded["concurrency"] = "\(options.concurrency)"
        recorded["rate"] = rate.map { "\($0)" } ?? "none"
        recorded["maxRequests"] = "\(maxRequests)"
        recorded["maxAttempts"] = "\(maxAttempts)"
        recorded["maxThrottled"] = "\(maxThrottled)"
        recorded["credentials"] = signer.source
        recorded["reference"] = "\(target.reference)"
        let report = ConformanceReport(
            implementation: .init(kind: "server", name: args.values["--name"] ?? target.name, target: target.url.absoluteString),
            tool: Tool.version, started: started, seconds: (ContinuousClock.now - clock).seconds,
            settings: recorded, results: run.results, reference: target.reference, requestIds: run.requestIds,
            notes: run.notes, traffic: run.traffic)
        return settings.finish(report, redactor: redactor, io: io)
    }

    /// `--rate`: given (0 is none), else none for this machine and
    /// ``FeedbackRunner/ServiceEndpoint/politeRate`` for any other host.
    static func rate(_ args: Arguments, target: Target) throws(UsageError) -> Double? {
        guard let text = args.values["--rate"] else {
            return ServiceEndpoint.isLoopback(host: target.url.host ?? "") ? nil : ServiceEndpoint.politeRate
        }
        guard let rate = Double(text), rate.isFinite, (0...10_000).contains(rate) else {
            throw UsageError("--rate must be a number of requests per second from 0 (no limit) to 10000")
        }
        return rate == 0 ? nil : rate
    }

    /// `--ca-file`: a readable file, for an https endpoint, with curl there to use it.
    static func caFile(_ args: Arguments, target: Target) throws(UsageError) -> String? {
        guard let path = args.values["--ca-file"] else { return nil }
        guard target.url.scheme?.lowercased() == "https" else { throw UsageError("--ca-file is for https endpoints") }
        guard ServerRunner.installedCurl != nil else {
            throw UsageError("--ca-file needs curl on PATH (https goes through curl)")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw UsageError("cannot read the CA file \(TerminalText.escaped(path, limit: 200))")
        }
        return path
    }

    /// Where the requests go: `--endpoint`, or the real service in `--region`.
    struct Target {
        let url: URL
        let region: String
        let reference: Bool
        let name: String

        init(_ args: Arguments) throws(UsageError) {
            let region = args.values["--region"]
            if let region, !ServiceEndpoint.isRegionName(region) {
                throw UsageError("--region must be a region name such as us-east-1")
            }
            if let endpoint = args.values["--endpoint"] {
                guard let url = URL(string: endpoint), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
                else { throw UsageError("conform server needs --endpoint with an http or https URL") }
                self.url = url
                self.region = region ?? ServiceEndpoint.region(of: url) ?? "us-east-1"
                reference = args.switches.contains("--reference") || ServiceEndpoint.isAWS(host: url.host ?? "")
                name = url.host ?? endpoint
            } else if let region, let url = ServiceEndpoint.url(region: region) {
                self.url = url
                self.region = region
                reference = true
                name = "Amazon Cognito user pools (\(region))"
            } else {
                throw UsageError("conform server needs --endpoint <url>, or --region <region> for the real service")
            }
        }
    }

    /// The credentials the Admin operation is signed with, and where they
    /// came from: `--profile`; for the reference, the AWS chain (none:
    /// the Admin vectors are not run); else the test keys.
    struct Signer {
        let credentials: AWSCredentials?
        let source: String

        init(_ args: Arguments, reference: Bool) throws(UsageError) {
            let chain = CredentialChain(environment: ProcessInfo.processInfo.environment)
            let profile = args.values["--profile"]
            guard profile != nil || reference else {
                credentials = .test
                source = "test keys (\(AWSCredentials.test.accessKeyId))"
                return
            }
            let found: CredentialChain.Found?
            do { found = try chain.credentials(profile: profile) } catch {
                throw UsageError("AWS credentials: " + TerminalText.escaped(error.description, limit: 400))
            }
            credentials = found?.credentials
            source = found.map { "\($0.source) (\($0.credentials.accessKeyId))" } ?? "none"
        }
    }

    /// A recording being written (`--record`): one line per exchange, as
    /// they come; the first failed write stops the run.
    final class Recording {
        let file: OutputFile

        init(file: OutputFile) {
            self.file = file
        }

        /// Appends `exchange` as a line; `false` once a write failed.
        func write(_ exchange: RecordedExchange) -> Bool {
            file.append(String(decoding: exchange.jsonLine, as: UTF8.self) + "\n")
        }
    }
}
