import FeedbackConformance
import FeedbackRules
import Foundation

/// Runs server vectors against a live endpoint over HTTP and judges each
/// answer with `Vector.judge(_:strict:unknownOperation:)`.
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
/// is SigV4-signed with ``Options/credentials``.
///
/// Before the vectors, the runner asks for an operation that does not exist
/// (once unsigned, once signed), so that a server answering a missing
/// operation with a page that names nothing (moto) is judged
/// `unimplemented` rather than `fail`.
///
/// A server cannot hang or flood the runner: every request has a wall-clock
/// timeout, answers are cut at ``Options/maxAnswerBytes``, at most
/// ``Options/concurrency`` requests run at once, and the whole run ends at
/// ``Options/deadline``; the cases it cuts short are `error`s.
public struct ServerRunner: Sendable {
    /// How to reach the server, and the limits of a run.
    public struct Options: Sendable {
        /// The endpoint; requests go to its path (`/` when it has none).
        public var endpoint: URL
        /// Also compare the error messages of invalid vectors.
        public var strict: Bool
        /// Per request, in whole seconds (at least 1); enforced on the wall
        /// clock, not only as `URLSession`'s idle timeout.
        public var timeout: Int
        /// Requests in flight at once (at least 1).
        public var concurrency: Int
        /// The whole run, in seconds: cases not finished by then are `error`s.
        public var deadline: Double
        /// The largest answer read, in bytes; a larger one is an `error`.
        public var maxAnswerBytes: Int
        /// The credentials that sign `AdminUpdateAuthEventFeedback` requests.
        public var credentials: AWSCredentials
        /// The region in the signature's scope.
        public var region: String

        /// Creates options; only the endpoint is required.
        public init(endpoint: URL, strict: Bool = false, timeout: Int = 10, concurrency: Int = 4, deadline: Double = 600,
                    maxAnswerBytes: Int = 1 << 20, credentials: AWSCredentials = .test, region: String = "us-east-1") {
            self.endpoint = endpoint
            self.strict = strict
            self.timeout = timeout
            self.concurrency = concurrency
            self.deadline = deadline
            self.maxAnswerBytes = maxAnswerBytes
            self.credentials = credentials
            self.region = region
        }
    }

    /// The run's options.
    public let options: Options

    /// A runner with `options`.
    public init(options: Options) {
        self.options = options
    }

    /// The target of the probe for a missing operation.
    static let missingOperationTarget = "AWSCognitoIdentityProviderService.CognitoFeedbackNoSuchOperation"

    /// Runs `vectors` whose `Vector.appliesTo` contains
    /// `.server` (others are skipped) and returns their results in the order
    /// of `vectors`. `progress(done, total)` is called as cases finish.
    public func run(_ vectors: [Vector], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async
        -> [CaseResult]
    {
        let cases = vectors.filter { $0.appliesTo.contains(.server) }
        // Two probes first (unsigned, signed), then the cases.
        let probeCount = 2
        var outcomes = [Outcome?](repeating: nil, count: cases.count)
        var probes: [Bool: WireResponse] = [:]
        var done = 0
        await exchange(probeCount + cases.count) { index in
            guard index >= probeCount else {
                var probe = WireRequest(.updateAuthEventFeedback, body: Array("{}".utf8))
                probe.headers.fields.removeAll { $0.name == "X-Amz-Target" }
                probe.headers.fields.append(.init(name: "X-Amz-Target", value: Self.missingOperationTarget))
                return prepared(probe, signed: index == 1)
            }
            return request(for: cases[index - probeCount])
        } finished: { index, outcome in
            guard index >= probeCount else {
                if case .success(let answer) = outcome.result { probes[index == 1] = answer }
                return
            }
            outcomes[index - probeCount] = outcome
            done += 1
            progress(done, cases.count)
        }

        return cases.indices.map { index in
            let vector = cases[index]
            guard let outcome = outcomes[index] else {
                return CaseResult(id: vector.id, verdict: .error, expected: vector.expectedAnswer,
                                  got: TransportFailure.runDeadline.description)
            }
            var result: CaseResult
            switch outcome.result {
            case .success(let answer):
                result = vector.judge(answer, strict: options.strict, unknownOperation: probes[vector.operation.isSigned])
            case .failure(let failure):
                result = CaseResult(id: vector.id, verdict: .error, expected: vector.expectedAnswer, got: failure.description)
            }
            result.milliseconds = outcome.milliseconds
            return result
        }
    }

    /// Sends `requests` exactly as given to the endpoint, through the
    /// transport a run uses, under the same limits (per-request timeout,
    /// answer cap, ``Options/concurrency``, ``Options/deadline``), and
    /// returns what each came to, in the order of `requests`.
    ///
    /// This is a run without the runner: no probes, no addressing or
    /// signing (the requests are sent as they are), no judging, no progress,
    /// no results. It exists as the baseline that a run's own cost is
    /// measured against in the same process (`Benchmarks/runner-throughput`):
    /// a benchmark outside this module cannot reach the transport, and a
    /// different client (`URLSession`) would measure a different transport.
    /// It also replays requests built elsewhere, e.g. a `WireRequest`
    /// a client adapter sent.
    public func send(_ requests: [WireRequest]) async -> [Result<WireResponse, TransportFailure>] {
        var results = [Result<WireResponse, TransportFailure>](repeating: .failure(.runDeadline), count: requests.count)
        await exchange(requests.count) { requests[$0] } finished: { results[$0] = $1.result }
        return results
    }

    /// What one exchange came to, and its wall time.
    private typealias Outcome = (result: Result<WireResponse, TransportFailure>, milliseconds: Double)

    /// Sends `count` requests to the endpoint through one transport, at most
    /// ``Options/concurrency`` at once, each within the per-request timeout
    /// and the run's deadline. `request(index)` is built when its turn comes;
    /// `finished(index, outcome)` is called, in the caller's task, as each ends.
    private func exchange(_ count: Int, request: (Int) -> WireRequest, finished: (Int, Outcome) -> Void) async {
        let clock = ContinuousClock()
        let runEnd = clock.now.advanced(by: .milliseconds(Int64(max(0, options.deadline) * 1000)))
        let timeout = max(1, options.timeout)
        let transport = HTTPTransport(timeout: timeout, maxAnswerBytes: options.maxAnswerBytes,
                                      connections: max(1, options.concurrency))
        defer { transport.close() }
        let url = endpointURL

        await withTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func start() {
                let index = next
                next += 1
                let request = request(index)
                group.addTask {
                    let started = clock.now
                    let left = runEnd - started
                    let seconds = min(Double(timeout), left.seconds)
                    let failure: TransportFailure = seconds < Double(timeout) ? .runDeadline : .timedOut(timeout)
                    let result = await transport.send(request, to: url, within: seconds, else: failure)
                    let elapsed = clock.now - started
                    let milliseconds = elapsed.milliseconds
                    return (index, (result, milliseconds))
                }
            }
            for _ in 0..<min(max(1, options.concurrency), count) { start() }
            for await (index, outcome) in group {
                finished(index, outcome)
                if next < count { start() }
            }
        }
    }

    /// The request target: the endpoint's path exactly as written (still
    /// percent-encoded: decoding it could put a line break into the request
    /// line), `/` when it has none.
    var requestTarget: String {
        let path = URLComponents(url: options.endpoint, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
        return path.isEmpty ? "/" : path
    }

    /// The endpoint, with `/` as its path when it has none.
    private var endpointURL: URL {
        guard options.endpoint.path.isEmpty else { return options.endpoint }
        return options.endpoint.appendingPathComponent("/")
    }

    /// The request that carries `vector`: the operation's awsJson1.1
    /// request with `Vector.wireBytes` as its body,
    /// addressed to the endpoint's path, signed for the Admin operation.
    func request(for vector: Vector) -> WireRequest {
        prepared(WireRequest(vector.operation, body: vector.wireBytes), signed: vector.operation.isSigned)
    }

    /// `request` addressed to the endpoint's path, and signed if asked.
    private func prepared(_ request: WireRequest, signed: Bool) -> WireRequest {
        var request = request
        request.path = requestTarget
        guard signed else { return request }
        return SigV4.sign(request, host: hostHeader, credentials: options.credentials, region: options.region)
    }

    /// The `Host` header the transport sends: the host, and the port unless
    /// it is the scheme's default.
    var hostHeader: String { HTTPTransport.hostHeader(options.endpoint) }
}
