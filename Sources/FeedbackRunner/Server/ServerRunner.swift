import FeedbackConformance
import FeedbackRules
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs server vectors against a live endpoint over HTTP(S) and judges each
/// answer with `ServerJudge`.
///
/// ```swift
/// let library = try VectorLibrary.load()
/// let runner = ServerRunner(options: .init(endpoint: URL(string: "http://127.0.0.1:5000/")!, timeout: 2))
/// let results = await runner.run(library.vectors(for: .server)) { done, total in print("\(done)/\(total)") }
/// results.filter { $0.verdict == .fail }.map(\.id)
/// ```
///
/// Each vector goes out as the protocol prescribes: `POST` to the endpoint's
/// path, `Content-Type: application/x-amz-json-1.1`, the operation's
/// `X-Amz-Target`, and exactly `Vector.wireBytes` as
/// the body. `UpdateAuthEventFeedback` is sent unsigned; the Admin operation
/// is SigV4-signed with ``Options/credentials`` when the attempt is made, or
/// not run at all when there are none.
///
/// First the runner asks, alone, for an operation that does not exist (once
/// unsigned, once signed), so that a server answering a missing operation
/// with a page that names nothing (moto) is judged `unimplemented` rather
/// than `fail`. When neither probe gets an answer, the server is not there
/// (refused, unresolved, silent, not HTTP, untrusted): no vector is sent
/// and the run says so (``ServerRun/unreachable``), within one timeout.
///
/// A server cannot hang or flood the runner: every request has a wall-clock
/// timeout, answers are cut at ``Options/maxAnswerBytes``, at most
/// ``Options/concurrency`` requests run at once, and the whole run ends at
/// ``Options/deadline``; the cases it cuts short are `error`s. After
/// ``Options/silentLimit`` requests in a row with no answer, no more are
/// sent. A run is a good citizen of a shared service: at most
/// ``Options/rate`` requests a second and ``Options/maxRequests`` in all,
/// throttled or failed (5xx) requests are retried with jittered
/// exponential backoff (``Options/retry``; a probe only when throttled),
/// and once the server throttles, an adaptive limiter (botocore's
/// `adaptive` retry mode) slows the whole run down and lets it speed up
/// again as answers come, honouring `Retry-After`; the report gives the
/// rate it settled at (``ConformanceReport/Traffic/settledRate``).
public struct ServerRunner: Sendable {
    /// How to reach the server, and the limits of a run.
    public struct Options: Sendable {
        /// The endpoint; requests go to its path (`/` when it has none).
        public var endpoint: URL
        /// Also compare the error messages of invalid vectors.
        public var strict: Bool
        /// Per request, on the wall clock: rounded up to whole seconds, at least 1.
        public var timeout: Duration
        /// Requests in flight at once (at least 1).
        public var concurrency: Int
        /// The whole run: cases not finished by then are `error`s.
        public var deadline: Duration
        /// The largest answer read, in bytes; a larger one is an `error`.
        public var maxAnswerBytes: Int
        /// The credentials that sign `AdminUpdateAuthEventFeedback`
        /// requests; `nil`: the Admin vectors are not run (a note says so).
        public var credentials: AWSCredentials?
        /// The region in the signature's scope.
        public var region: String
        /// Requests per second at most, probes and retries included; `nil`:
        /// no limit. (`conform server` sets ``ServiceEndpoint/politeRate``
        /// for any host but this machine.)
        public var rate: Double?
        /// Requests in all at most, probes and retries included; cases left
        /// when it is reached are `error`s (not sent).
        public var maxRequests: Int
        /// When to send a request again.
        public var retry: RetryPolicy
        /// Stop sending after this many requests in a row get no answer at
        /// all (refused, unresolved, timed out); the cases left are `error`s.
        public var silentLimit: Int
        /// A PEM file of the CAs to trust for `https://` instead of the
        /// system's (needs ``curl``).
        public var caFile: String?
        /// The `curl` executable for `https://`; `nil`: `https://` endpoints
        /// fail (``TransportFailure/needsCurl``).
        public var curl: String?
        /// Whether the server is the reference, the real service; written
        /// into recordings.
        public var reference: Bool
        /// The tool and version written into recordings.
        public var tool: String
        /// The clocks the run reads and waits on (a test's manual clock).
        var clock: RunClock = .system

        /// Creates options; only the endpoint is required.
        public init(endpoint: URL, strict: Bool = false, timeout: Duration = .seconds(10), concurrency: Int = 4, deadline: Duration = .seconds(600),
                    maxAnswerBytes: Int = 1 << 20, credentials: AWSCredentials? = .test, region: String = "us-east-1",
                    rate: Double? = nil, maxRequests: Int = ServerRunner.defaultMaxRequests, retry: RetryPolicy = RetryPolicy(),
                    silentLimit: Int = 8, caFile: String? = nil, curl: String? = ServerRunner.installedCurl,
                    reference: Bool = false, tool: String = "cognito-feedback") {
            self.endpoint = endpoint
            self.strict = strict
            self.timeout = timeout
            self.concurrency = concurrency
            self.deadline = deadline
            self.maxAnswerBytes = maxAnswerBytes
            self.credentials = credentials
            self.region = region
            self.rate = rate
            self.maxRequests = maxRequests
            self.retry = retry
            self.silentLimit = silentLimit
            self.caFile = caFile
            self.curl = curl
            self.reference = reference
            self.tool = tool
        }
    }

    /// The `curl` found on `PATH` (which `https://` endpoints go through),
    /// or `nil` when there is none (they cannot be reached).
    public static let installedCurl: String? = CurlHTTPClient.located

    /// The default cap on a run's requests: every server vector once (762),
    /// the two probes, and room for retries of about one case in three.
    public static let defaultMaxRequests = 1000

    /// The run's options.
    public let options: Options

    /// A runner with `options`.
    public init(options: Options) {
        self.options = options
    }

    /// The target of the probe for a missing operation.
    static let missingOperationTarget = "AWSCognitoIdentityProviderService.CognitoFeedbackNoSuchOperation"

    /// Runs `vectors` whose `Vector.appliesTo` contains `.server` (others
    /// are skipped) and returns their results in the order of `vectors`;
    /// `progress(done, total)` is called as cases finish. The whole run,
    /// with its probes, notes and traffic, is ``perform(_:redactor:progress:record:)``.
    public func run(_ vectors: [Vector], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async
        -> [CaseResult]
    {
        await perform(vectors, progress: progress).results
    }

    /// Runs `vectors` whose `Vector/appliesTo` contains
    /// `.server` (others are skipped; so are Admin vectors without
    /// ``Options/credentials``) and returns their results in the order of
    /// `vectors`, with what the run did.
    ///
    /// - Parameters:
    ///   - vectors: the cases to run, in the order their results are returned.
    ///   - redactor: filters every string of the recorded exchanges; by
    ///     default one for `vectors` and the credentials.
    ///   - progress: called with (done, total) as cases finish.
    ///   - record: called with every exchange, probes and retries included,
    ///     as its case finishes (in the caller's task, one at a time);
    ///     returning `false` stops the run (cases not started are `error`s).
    public func perform(_ vectors: [Vector], redactor: Redactor? = nil,
                        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in },
                        record: ((RecordedExchange) -> Bool)? = nil) async -> ServerRun
    {
        let redactor = redactor ?? Redactor(vectors: vectors, credentials: options.credentials.map { [$0] } ?? [])
        var cases = vectors.filter { $0.appliesTo.contains(.server) }
        var notes: [String] = []
        if options.credentials == nil {
            let skipped = cases.count { $0.operation.isSigned }
            cases.removeAll { $0.operation.isSigned }
            if skipped > 0 {
                notes.append("\(skipped) AdminUpdateAuthEventFeedback vector\(skipped == 1 ? "" : "s") not run: "
                    + "no AWS credentials to sign them (environment variables or --profile)")
            }
        }
        let session = Session(runner: self, redactor: redactor, record: record)

        // The probes, alone: their answers judge the cases, and their silence ends the run here.
        let probeSubjects: [Bool] = options.credentials == nil ? [false] : [false, true]
        var probes: [Bool: WireResponse] = [:]
        var probeFailures: [TransportFailure] = []
        await session.exchange(probeSubjects.count) { index in
            Item(subject: .probe(signed: probeSubjects[index]), vector: nil) { prepared(Self.probeRequest, signed: probeSubjects[index]) }
        } finished: { index, outcome in
            switch outcome.result {
            case .success(let answer) where Self.standsForMissingOperation(answer): probes[probeSubjects[index]] = answer
            case .success: break
            case .failure(let failure): probeFailures.append(failure)
            }
        }
        if probeFailures.count == probeSubjects.count, let failure = probeFailures.first {
            session.traffic.settledRate = await session.budget.limitedRate
            let results = cases.map { vector in
                CaseResult(id: vector.id, verdict: .error, expected: ServerJudge().expectation(for: vector), got: failure.description)
            }
            return ServerRun(results: results, traffic: session.traffic, notes: notes + session.notes, unreachable: failure)
        }

        var outcomes = [Outcome?](repeating: nil, count: cases.count)
        var done = 0
        await session.exchange(cases.count) { index in
            let vector = cases[index]
            return Item(subject: .vector(vector.id), vector: vector, probe: probes[vector.operation.isSigned]) { request(for: vector) }
        } finished: { index, outcome in
            outcomes[index] = outcome
            done += 1
            progress(done, cases.count)
        }

        session.traffic.settledRate = await session.budget.limitedRate
        var requestIds: [String: String] = [:]
        let results = cases.indices.map { index in
            let vector = cases[index]
            let judge = ServerJudge(strict: options.strict, unknownOperation: probes[vector.operation.isSigned])
            guard let outcome = outcomes[index] else {
                return CaseResult(id: vector.id, verdict: .error, expected: judge.expectation(for: vector),
                                  got: TransportFailure.runDeadline.description)
            }
            var result: CaseResult
            switch outcome.result {
            case .success(let answer):
                result = judge.judge(answer, of: vector)
                if let id = answer.headers["x-amzn-RequestId"] { requestIds[vector.id] = redactor.filtered(id) }
            case .failure(let failure):
                result = CaseResult(id: vector.id, verdict: .error, expected: judge.expectation(for: vector), got: failure.description)
            }
            if outcome.attempts > 1 { result.notes.append(Self.retriedNote(outcome.attempts - 1)) }
            result.milliseconds = outcome.milliseconds
            return result
        }
        return ServerRun(results: results, requestIds: requestIds, traffic: session.traffic, notes: notes + session.notes)
    }

    /// Whether a probe's `answer` can stand for the server's answer to a
    /// missing operation: not throttling, not a gateway's or an unavailable
    /// service's (HTTP 502, 503, 504), not a service failure
    /// (`InternalErrorException`, ...). Those are passing states that say
    /// nothing of the operation, and would make a case that meets the same
    /// state `unimplemented` (and not retried). moto's answer to any
    /// operation it lacks, an HTTP 500 HTML page, does stand.
    static func standsForMissingOperation(_ answer: WireResponse) -> Bool {
        !RetryPolicy.isThrottling(answer) && ![502, 503, 504].contains(answer.status)
            && !(answer.errorType.map(ErrorTypes.service.contains) ?? false)
    }

    /// The note on a case whose request was retried.
    static func retriedNote(_ retries: Int) -> String {
        "answered after \(retries) retr\(retries == 1 ? "y" : "ies") (throttled or a server error)"
    }

    /// Sends `requests` exactly as given to the endpoint, through the
    /// transport a run uses, under the same limits (per-request timeout,
    /// answer cap, ``Options/concurrency``, ``Options/deadline``,
    /// ``Options/rate``, ``Options/maxRequests``), and returns what each
    /// came to, in the order of `requests`.
    ///
    /// This is a run without the runner: no probes, no addressing or
    /// signing (the requests are sent as they are), no retries, no judging,
    /// no progress, no results. It exists as the baseline that a run's own
    /// cost is measured against in the same process (`Benchmarks/runner-throughput`):
    /// a benchmark outside this module cannot reach the transport, and a
    /// different client would measure a different transport.
    /// It also replays requests built elsewhere, e.g. a `WireRequest`
    /// a client adapter sent.
    @_spi(Benchmarks) public func send(_ requests: [WireRequest]) async -> [Result<WireResponse, TransportFailure>] {
        var results = [Result<WireResponse, TransportFailure>](repeating: .failure(.runDeadline), count: requests.count)
        var options = self.options
        options.retry = .never
        options.silentLimit = .max
        let session = Session(runner: ServerRunner(options: options), redactor: Redactor(secrets: []), record: nil)
        await session.exchange(requests.count) { index in Item(subject: nil, vector: nil) { requests[index] } }
            finished: { results[$0] = $1.result }
        return results
    }

    /// The probe's request: an operation that does not exist, body `{}`.
    private static let probeRequest: WireRequest = {
        var probe = WireRequest(.updateAuthEventFeedback, body: Array("{}".utf8))
        probe.headers.fields.removeAll { $0.name == "X-Amz-Target" }
        probe.headers.fields.append(.init(name: "X-Amz-Target", value: missingOperationTarget))
        return probe
    }()

    /// The request target: the endpoint's path exactly as written (still
    /// percent-encoded: decoding it could put a line break into the request
    /// line), `/` when it has none.
    var requestTarget: String {
        let path = URLComponents(url: options.endpoint, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
        return path.isEmpty ? "/" : path
    }

    /// The endpoint, with `/` as its path when it has none.
    var endpointURL: URL {
        guard options.endpoint.path.isEmpty else { return options.endpoint }
        return options.endpoint.appendingPathComponent("/")
    }

    /// The request that carries `vector`: the operation's awsJson1.1
    /// request with `Vector.wireBytes` as its body,
    /// addressed to the endpoint's path, signed for the Admin operation.
    func request(for vector: Vector) -> WireRequest {
        prepared(WireRequest(vector.operation, body: vector.wireBytes), signed: vector.operation.isSigned)
    }

    /// `request` addressed to the endpoint's path, and signed if asked (and
    /// there are credentials).
    private func prepared(_ request: WireRequest, signed: Bool) -> WireRequest {
        var request = request
        request.path = requestTarget
        guard signed, let credentials = options.credentials else { return request }
        return SigV4.sign(request, host: hostHeader, credentials: credentials, region: options.region)
    }

    /// The `Host` header the transport sends: the host, and the port unless
    /// it is the scheme's default.
    var hostHeader: String { HTTPTransport.hostHeader(options.endpoint) }
}
