import FeedbackConformance
import FeedbackTestSupport
import FeedbackProcessTestSupport
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

    /// Options for a loopback fixture: short timeout, quick backoff, a generous deadline (600 s: in a full `swift test` the CPU-bound suites, the leak and filter property tests among them, can hold the cooperative pool for minutes on 2 cores; a green run never comes near it).
    static func options(_ endpoint: URL, _ configure: (inout ServerRunner.Options) -> Void = { _ in }) -> ServerRunner.Options {
        var options = ServerRunner.Options(endpoint: endpoint, timeout: .seconds(1), concurrency: 4, deadline: .seconds(600))
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

    @Test("A burst of 20 throttled requests, then every 7th: at default options no case is an error, and the run says how throttled it was")
    func throttledBurst() async throws {
        // The fixture counts requests, whatever their rate: the 2 probes and 8 cases take 10 answers that are not
        // throttling, so 31 requests in all, of which the first 20 and every 7th after them (1) are throttled,
        // each retried once more. With a fixed 3 attempts, the burst alone exhausts the probes and some cases.
        let server = try ServerProcess.cognitoLike(["--burst", "20", "--throttle-every", "7"])
        defer { server.stop() }
        let vectors = try Self.sample(8)
        let run = await ServerRunner(options: .init(endpoint: server.endpoint)).perform(vectors)
        #expect(run.results.count == vectors.count)
        #expect(run.results.allSatisfy { $0.verdict == .pass },
                "\(run.results.filter { $0.verdict != .pass }.map { "\($0.id): \($0.verdict) \($0.got ?? "")" })")
        #expect(run.traffic.requests == 31 && run.traffic.throttled == 21 && run.traffic.retries == 21)
        #expect(run.notes.isEmpty)
        let rate = try #require(run.traffic.settledRate)
        #expect(rate >= TokenBucket.minimumRate)
        let report = ConformanceReport(implementation: .init(kind: "server", name: "fixture", target: server.endpoint.absoluteString),
                                       tool: "test", started: Date(), seconds: 1, results: run.results, traffic: run.traffic)
        let line = "  31 requests (21 retries; 21 throttled, 0 server errors); the rate settled at \(String(format: "%.2f", rate)) requests/s\n"
        #expect(ReportFormat.text.render(report).contains("\nRUN\n" + line))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(report).utf8)) as? [String: Any])
        let traffic = try #require(json["traffic"] as? [String: Any])
        #expect(traffic["throttled"] as? Int == 21)
        #expect(abs((traffic["settledRate"] as? Double ?? 0) - rate) <= 0.0005)
    }

    @Test("A Retry-After holds the run back as long as it asks, on the run's clock, and at most maxRetryAfter")
    func retryAfter() async throws {
        for (header, expected) in [("3", 3.0), ("Mon, 30 Nov 2026 10:00:07 GMT", 7.0), ("86400", 60.0)] {
            let server = try ServerProcess.cognitoLike(["--burst", "1", "--retry-after", header])
            defer { server.stop() }
            // The clock's calendar stands at 2026-11-30 10:00:00 UTC until something sleeps on it.
            let clock = ManualClock(date: Date(timeIntervalSince1970: 1_796_032_800))
            var options = Self.options(server.endpoint) { $0.concurrency = 1 }
            options.clock = clock.runClock
            let run = await ServerRunner(options: options).perform(try Self.sample(2))
            #expect(run.results.allSatisfy { $0.verdict == .pass })
            #expect(run.traffic.throttled == 1 && run.traffic.requests == 5)
            // The throttled probe's retry waited the longer of its backoff (at most 50 ms here) and the Retry-After.
            // No other wait is as long (the limiter's are short).
            #expect(clock.slept.max().map { abs($0.seconds - expected) < 1e-6 } == true, "\(header): \(clock.slept)")
        }
    }

    @Test("A Retry-After past the deadline is not waited for: the throttled answer stands")
    func retryAfterPastDeadline() async throws {
        let server = try ServerProcess.cognitoLike(["--burst", "3", "--retry-after", "30"])
        defer { server.stop() }
        let clock = ManualClock()
        var options = Self.options(server.endpoint) {
            $0.concurrency = 1
            $0.deadline = .seconds(10)
        }
        options.clock = clock.runClock
        let vectors = try Self.sample(2)
        let run = await ServerRunner(options: options).perform(vectors)
        // The first probe is throttled and asked to come back in 30 s, after the deadline: nothing more is sent.
        #expect(clock.now < .seconds(10))
        #expect(run.traffic.requests == 1 && run.traffic.throttled == 1 && run.traffic.retries == 0)
        #expect(run.results.allSatisfy { $0.verdict == .error && $0.got == TransportFailure.runDeadline.description },
                "\(run.results.map { "\($0.verdict) \($0.got ?? "")" })")
    }

    @Test("A server that throttles everything is not waited on for ever: the run stops after maxThrottled in a row")
    func throttledOut() async throws {
        let server = try ServerProcess.cognitoLike(["--burst", "1000"])
        defer { server.stop() }
        let clock = ManualClock()
        var options = Self.options(server.endpoint) { $0.retry = RetryPolicy(maxThrottled: 6, baseDelay: 0.01, maxDelay: 0.05) }
        options.clock = clock.runClock
        let vectors = try Self.sample(8)
        let run = await ServerRunner(options: options).perform(vectors)
        // The two probes go together: one more may be on its way when the sixth throttling answer comes.
        #expect((6...7).contains(run.traffic.requests) && run.traffic.throttled == run.traffic.requests)
        #expect(run.notes == ["the run stopped sending: 6 answers in a row were throttling (--max-throttled)"])
        #expect(run.results.allSatisfy { $0.verdict == .error && $0.got == "not sent: the last 6 answers were throttling" })
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
        // Throttling is counted apart: 3 attempts answered 5xx, and up to maxThrottled throttled ones besides.
        let throttled = answer(400, "TooManyRequestsException"), failed = answer(503, nil)
        #expect(policy.allowsAnother(after: failed, attempts: 2, throttled: 0))
        #expect(!policy.allowsAnother(after: failed, attempts: 3, throttled: 0))
        #expect(policy.allowsAnother(after: failed, attempts: 12, throttled: 10))
        #expect(policy.allowsAnother(after: throttled, attempts: 39, throttled: 39))
        #expect(!policy.allowsAnother(after: throttled, attempts: 40, throttled: 40))
        #expect(!RetryPolicy.never.allowsAnother(after: throttled, attempts: 1, throttled: 1))
        #expect(RetryPolicy.never.runThrottleLimit == .max && policy.runThrottleLimit == 40)
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
