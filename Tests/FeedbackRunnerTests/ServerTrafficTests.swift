import FeedbackConformance
import FeedbackTestSupport
import Foundation
import Testing
@testable import FeedbackRunner

/// A run as a good citizen of a shared service, against local stand-ins:
/// it stops at once when nobody answers, retries throttling and server
/// errors, keeps to its rate and its cap, and skips what it cannot sign.
@Suite("Server runs: unreachable servers, retries, rate, cap", .serialized)
struct ServerTrafficTests {
    /// `count` server vectors of both operations, alternating.
    static func sample(_ count: Int) throws -> [Vector] {
        let server = try VectorLibrary.load().vectors(for: .server)
        let update = server.filter { !$0.operation.isSigned }, admin = server.filter { $0.operation.isSigned }
        return Array(zip(update, admin).flatMap { [$0, $1] }.prefix(count))
    }

    /// Options for a loopback fixture: short timeout, quick backoff, a generous deadline.
    static func options(_ endpoint: URL, _ configure: (inout ServerRunner.Options) -> Void = { _ in }) -> ServerRunner.Options {
        var options = ServerRunner.Options(endpoint: endpoint, timeout: 1, concurrency: 4, deadline: 120)
        options.retry = RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05)
        configure(&options)
        return options
    }

    @Test("Nothing listening: unreachable after the probes, nothing else sent, every case an error saying why")
    func refused() async throws {
        let port = try BoundPort()
        let run = await ServerRunner(options: Self.options(URL(string: "http://127.0.0.1:\(port.number)/")!))
            .perform(try Self.sample(6))
        #expect(run.unreachable == .refused)
        #expect(run.traffic.requests == 2)
        #expect(run.results.count == 6 && run.results.allSatisfy { $0.verdict == .error && $0.got == "connection refused" })
    }

    @Test("A server that never answers: unreachable after one timeout, nothing but the probes sent")
    func silentServer() async throws {
        let server = try ServerProcess.faulty("hang")
        defer { server.stop() }
        let run = await ServerRunner(options: Self.options(server.endpoint)).perform(try Self.sample(40))
        #expect(run.unreachable == .timedOut(1))
        #expect(run.traffic.requests == 2)
    }

    @Test("A server that answers the probes, then hangs: the run stops sending after the silent limit")
    func stopsWhenSilent() async throws {
        let server = try ServerProcess.faulty("hang", ["--answer-probes"])
        defer { server.stop() }
        let vectors = try Self.sample(16)
        let run = await ServerRunner(options: Self.options(server.endpoint) {
            $0.concurrency = 2
            $0.silentLimit = 4
        }).perform(vectors)
        #expect(run.unreachable == nil)
        let timedOut = run.results.count { $0.got == "timed out after 1 s" }
        let notSent = run.results.count { $0.got == "not sent: the last 4 requests got no answer" }
        // The limit is reached with requests still in flight: at most one per other slot more.
        #expect((4...5).contains(timedOut), "\(timedOut) timed out")
        #expect(timedOut + notSent == vectors.count)
        #expect(run.notes == ["the run stopped sending: 4 requests in a row got no answer"])
        #expect(run.traffic.requests == 2 + timedOut)
    }

    @Test("Throttling and server errors are retried with backoff: the run ends with no error, and counts them")
    func throttledRun() async throws {
        // The first 8 requests are throttled or fail (TooManyRequests, Throttling, 503, 500 in turn): both probes'
        // first attempts (throttled: retried) and second ones (5xx: a probe is not retried on those), then 4
        // attempts of cases, each of which has 5 (so none can run out).
        let server = try ServerProcess.cognitoLike(["--throttle", "8"])
        defer { server.stop() }
        let vectors = try Self.sample(12)
        let run = await ServerRunner(options: Self.options(server.endpoint) {
            $0.retry = RetryPolicy(maxAttempts: 5, baseDelay: 0.01, maxDelay: 0.05)
        }).perform(vectors)
        #expect(run.results.count == vectors.count)
        #expect(run.results.count { $0.verdict == .error } == 0)
        #expect(run.results.allSatisfy { $0.verdict == .pass }, "\(run.results.filter { $0.verdict != .pass }.map { "\($0.id): \($0.verdict) \($0.got ?? "") \($0.notes)" })")
        #expect(run.traffic.throttled == 4 && run.traffic.serverErrors == 4)
        #expect(run.traffic.retries == run.traffic.requests - 2 - vectors.count)
        #expect(run.traffic.retries == 6)
        #expect(run.results.contains { $0.notes.contains { $0.hasPrefix("answered after ") } })
    }

    @Test("Throttled to the last attempt: the case says so (an error, or a pass for a valid vector), it is not unimplemented")
    func throttledToTheEnd() async throws {
        let server = try ServerProcess.cognitoLike(["--throttle", "1000"])
        defer { server.stop() }
        let vectors = try Self.sample(4)
        let run = await ServerRunner(options: Self.options(server.endpoint) { $0.retry = .never }).perform(vectors)
        #expect(run.unreachable == nil)
        #expect(!run.results.contains { $0.verdict == .unimplemented })
        #expect(run.traffic.retries == 0)
    }

    @Test("The cap on requests ends the run: probes and cases count, the cases left are not sent")
    func requestCap() async throws {
        let server = try ServerProcess.cognitoLike()
        defer { server.stop() }
        let vectors = try Self.sample(10)
        let run = await ServerRunner(options: Self.options(server.endpoint) {
            $0.concurrency = 1
            $0.maxRequests = 5
        }).perform(vectors)
        #expect(run.traffic.requests == 5)
        #expect(run.results.prefix(3).allSatisfy { $0.verdict == .pass })
        #expect(run.results.dropFirst(3).allSatisfy { $0.verdict == .error && $0.got == "not sent: the run's cap of 5 requests was reached" })
        #expect(run.notes == ["the run stopped sending: its cap of 5 requests (--max-requests) was reached"])
    }

    @Test("Without credentials, no Admin request is sent, the signed probe neither, and a note says how many were skipped")
    func adminSkippedWithoutCredentials() async throws {
        let server = try ServerProcess.cognitoLike()
        defer { server.stop() }
        let vectors = try Self.sample(10)
        var exchanges: [RecordedExchange] = []
        let run = await ServerRunner(options: Self.options(server.endpoint) { $0.credentials = nil })
            .perform(vectors, record: { exchanges.append($0); return true })
        #expect(run.results.map(\.id) == vectors.filter { !$0.operation.isSigned }.map(\.id))
        #expect(run.results.allSatisfy { $0.verdict == .pass })
        #expect(run.notes == ["5 AdminUpdateAuthEventFeedback vectors not run: no AWS credentials to sign them (environment variables or --profile)"])
        #expect(exchanges.count == 6 && !exchanges.contains(where: \.signed))
        #expect(exchanges.first?.subject == .probe(signed: false))
    }

    @Test("A recording that cannot be written stops the run: the cases not started are not sent, and a note says why")
    func recordingFailureStops() async throws {
        let server = try ServerProcess.cognitoLike()
        defer { server.stop() }
        let vectors = try Self.sample(12)
        var written = 0
        let run = await ServerRunner(options: Self.options(server.endpoint) { $0.concurrency = 1 })
            .perform(vectors, record: { _ in
                written += 1
                return written < 4  // the probes and one case, then the disk is full
            })
        #expect(written == 4)
        #expect(run.notes == ["the run stopped: its recording could not be written"])
        #expect(run.traffic.requests == 4)
        #expect(run.results.dropFirst(2).allSatisfy { $0.verdict == .error && $0.got == "not sent: the run stopped" })
    }

    @Test("The budget spaces grants 1/rate apart, refuses past its cap, and never grants a turn after the deadline")
    func budget() async {
        let budget = RequestBudget(rate: 40, cap: 6)
        let far = ContinuousClock.now + .seconds(60)
        let start = ContinuousClock.now
        for _ in 0..<6 { #expect(await budget.take(before: far) == nil) }
        // Six grants hold five intervals of 25 ms: a lower bound, which a slow machine only lengthens.
        #expect(ContinuousClock.now - start >= .milliseconds(125))
        #expect(await budget.take(before: far) == .requestCap(6))
        let slow = RequestBudget(rate: 1, cap: 10)
        #expect(await slow.take(before: far) == nil)
        #expect(await slow.take(before: ContinuousClock.now + .milliseconds(100)) == .runDeadline)
    }

    @Test("The retry policy: throttling and 5xx are retried, validation errors are not; waits stay within their bounds")
    func retryPolicy() {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: 0.25, maxDelay: 0.4)
        func answer(_ status: Int, _ type: String?) -> WireResponse {
            WireResponse(status: status, headers: type.map { ["X-Amzn-ErrorType": $0] } ?? [:], body: [])
        }
        #expect(policy.isRetried(answer(400, "TooManyRequestsException")))
        #expect(policy.isRetried(answer(400, "ThrottlingException")))
        #expect(policy.isRetried(answer(429, nil)))
        #expect(policy.isRetried(answer(503, nil)) && policy.isRetried(answer(500, "InternalErrorException")))
        #expect(!policy.isRetried(answer(400, "InvalidParameterException")) && !policy.isRetried(answer(200, nil)))
        for attempt in 1...6 {
            let wait = policy.delay(after: attempt)
            #expect(wait >= .zero && wait <= .milliseconds(attempt == 1 ? 250 : 400))
        }
    }

    @Test("Service endpoints: the URL of a region, the region of a URL, loopback and AWS hosts")
    func serviceEndpoints() {
        #expect(ServiceEndpoint.url(region: "eu-west-3")?.absoluteString == "https://cognito-idp.eu-west-3.amazonaws.com/")
        #expect(ServiceEndpoint.url(region: "cn-north-1")?.absoluteString == "https://cognito-idp.cn-north-1.amazonaws.com.cn/")
        #expect(ServiceEndpoint.url(region: "evil.example.com/x") == nil && ServiceEndpoint.url(region: "") == nil)
        #expect(ServiceEndpoint.region(of: URL(string: "https://cognito-idp.ap-south-1.amazonaws.com")!) == "ap-south-1")
        #expect(ServiceEndpoint.region(of: URL(string: "https://cognito-idp.ap-south-1.example.com")!) == nil)
        #expect(ServiceEndpoint.isLoopback(host: "127.0.0.1") && ServiceEndpoint.isLoopback(host: "[::1]")
            && ServiceEndpoint.isLoopback(host: "localhost"))
        #expect(!ServiceEndpoint.isLoopback(host: "127.example.com") && !ServiceEndpoint.isLoopback(host: "10.0.0.1"))
        #expect(ServiceEndpoint.isAWS(host: "cognito-idp.us-east-1.amazonaws.com") && !ServiceEndpoint.isAWS(host: "amazonaws.com.evil.io"))
    }
}
