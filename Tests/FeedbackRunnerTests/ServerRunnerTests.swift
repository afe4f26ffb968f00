import FeedbackConformance
import FeedbackRules
import Foundation
import FeedbackTestSupport
import FeedbackProcessTestSupport
import Synchronization
import Testing
@_spi(Benchmarks) @testable import FeedbackRunner

/// The runner against deliberately faulty servers (`Conformance/fixtures/faulty_server.py`),
/// each started as a child process on a free port.
@Suite("Server runner against faulty servers", .serialized)
struct ServerRunnerTests {
    static let library = Result { try VectorLibrary.load() }

    /// A few server vectors of each result (and alternatives) and operation.
    static func sample() throws -> [Vector] {
        let server = try library.get().vectors(for: .server)
        func pick(_ result: Vector.Result, _ operation: FeedbackOperation, _ count: Int,
                  _ alternatives: [Vector.Alternative] = []) -> [Vector] {
            Array(server.filter { $0.result == result && $0.operation == operation && $0.alternatives == alternatives }.prefix(count))
        }
        return pick(.valid, .updateAuthEventFeedback, 2) + pick(.valid, .adminUpdateAuthEventFeedback, 1)
            + pick(.invalid, .updateAuthEventFeedback, 2) + pick(.invalid, .adminUpdateAuthEventFeedback, 1)
            + pick(.acceptable, .updateAuthEventFeedback, 1, [.valid]) + pick(.acceptable, .adminUpdateAuthEventFeedback, 1, [.valid, .refused])
    }

    /// Starts `mode`, runs `vectors` against it, stops it; returns the results and the wall time.
    static func run(_ mode: String, _ arguments: [String] = [], vectors: [Vector]? = nil,
                    options configure: (inout ServerRunner.Options) -> Void = { _ in }) async throws
        -> (results: [CaseResult], Void)
    {
        let server = try ServerProcess.faulty(mode, arguments)
        defer { server.stop() }
        // The run deadline counts from the start of run(), but its requests start only when the cooperative pool
        // has a thread: in a full `swift test`, CPU-bound suites can hold both of a 2-core machine's for 20 s and
        // more. Tests of the deadline set their own; so do tests of the per-request timeout (1 s): any other test's
        // server answers at once, but a loaded machine can take more than a second to let it.
        var options = ServerRunner.Options(endpoint: server.endpoint, timeout: .seconds(10), concurrency: 16, deadline: .seconds(600))
        configure(&options)
        let vectors = try vectors ?? sample()
        return (await ServerRunner(options: options).run(vectors), ())
    }

    @Test("Against a server that accepts everything, the vectors that allow a valid answer pass and the others fail")
    func acceptAll() async throws {
        let vectors = try Self.sample()
        let (results, _) = try await Self.run("accept-all", vectors: vectors)
        #expect(results.map(\.id) == vectors.map(\.id))
        for (vector, result) in zip(vectors, results) {
            // A success where the service refuses fails, unless that refusal is only inferred.
            #expect(result.verdict == (vector.allowsValidAnswer || vector.expectationSeverity == .inferred ? .pass : .fail), "\(vector.id)")
            #expect(result.got == "HTTP 200", "\(vector.id)")
        }
    }

    @Test("Every server vector goes through against a server that accepts everything")
    func acceptAllEveryVector() async throws {
        let vectors = try Self.library.get().vectors(for: .server)
        let (results, _) = try await Self.run("accept-all", vectors: vectors, options: { $0.concurrency = 4 })
        #expect(results.count == vectors.count)
        for (vector, result) in zip(vectors, results)
            where result.verdict != (vector.allowsValidAnswer || vector.expectationSeverity == .inferred ? .pass : .fail) {
            Issue.record("\(vector.id): \(result.verdict) \(result.got ?? "")")
        }
    }

    @Test("A server that never answers times every case out, within the per-request timeout")
    func hang() async throws {
        let (results, _) = try await Self.run("hang", options: { $0.timeout = .seconds(1) })
        #expect(results.allSatisfy { $0.verdict == .error && $0.got == "timed out after 1 s" })
    }

    @Test("Endless 100 Continue heads cannot outlast the timeout: streamed, they hit the head limit; trickled, the deadline")
    func continueHeads() async throws {
        let (flooded, _) = try await Self.run("continue-flood")
        #expect(flooded.allSatisfy { $0.verdict == .error && $0.got == "answer larger than 65536 bytes" })
        let (trickled, _) = try await Self.run("continue-trickle", ["--interval", "0.05"], options: { $0.timeout = .seconds(1) })
        #expect(trickled.allSatisfy { $0.verdict == .error && $0.got == "timed out after 1 s" })
    }

    @Test("A server trickling a byte at a time cannot outlast the timeout")
    func trickle() async throws {
        let (results, _) = try await Self.run("trickle", ["--interval", "0.2"], options: { $0.timeout = .seconds(1) })
        #expect(results.allSatisfy { $0.verdict == .error && $0.got == "timed out after 1 s" })
    }

    @Test("Resets, non-HTTP bytes, truncated bodies and sizes that overflow an integer are errors, not answers nor crashes",
          arguments: [
              ("reset", "connection closed or reset before a whole answer"),
              ("garbage", "not an HTTP answer"),
              ("close-mid-body", "connection closed or reset before a whole answer"),
              ("chunk-overflow", "answer larger than 1048576 bytes"),
              ("length-overflow", "answer larger than 1048576 bytes"),
          ])
    func brokenAnswers(mode: String, got: String) async throws {
        let (results, _) = try await Self.run(mode)
        for result in results {
            #expect(result.verdict == .error, "\(result.id)")
            #expect(result.got == got, "\(result.id)")
        }
    }

    @Test("Nothing listening is a connection refused error")
    func refused() async throws {
        // A port bound but not listening, held for the whole test: no other process can take it.
        let port = try BoundPort()
        let endpoint = URL(string: "http://127.0.0.1:\(port.number)/")!
        let results = await ServerRunner(options: .init(endpoint: endpoint, timeout: .seconds(1))).run(try Self.sample())
        #expect(results.allSatisfy { $0.verdict == .error && $0.got == "connection refused" })
    }

    @Test("An announced 2 GiB answer, or an endless one without a length, is cut at the size cap, quickly",
          arguments: ["huge", "flood"])
    func huge(mode: String) async throws {
        let (results, _) = try await Self.run(mode)
        #expect(results.allSatisfy { $0.verdict == .error && $0.got == "answer larger than 1048576 bytes" })
    }

    @Test("An answer one byte over the cap is an error, not a truncated answer")
    func oneByteOver() async throws {
        let (results, _) = try await Self.run("accept-all", options: { $0.maxAnswerBytes = 1 })
        #expect(results.allSatisfy { $0.verdict == .error && $0.got == "answer larger than 1 bytes" })
    }

    @Test("The run deadline ends the cases still waiting or running")
    func runDeadline() async throws {
        let (results, _) = try await Self.run("hang", options: {
            $0.timeout = .seconds(10)
            $0.concurrency = 2
            $0.deadline = .seconds(1)
        })
        #expect(results.allSatisfy { $0.verdict == .error && $0.got == "run deadline passed" })
    }

    @Test("A server saying the action has not been implemented makes every case unimplemented")
    func notImplemented() async throws {
        let (results, _) = try await Self.run("not-implemented")
        #expect(results.allSatisfy { $0.verdict == .unimplemented })
        #expect(results.first?.got == "HTTP 500 without an error type (text/html)")
    }

    @Test("A redirect is an answer, and a wrong one")
    func redirect() async throws {
        let (results, _) = try await Self.run("redirect")
        #expect(results.allSatisfy { $0.verdict == .fail && $0.got?.hasPrefix("HTTP 302 without an error type") == true })
    }

    @Test("A server echoing the request in its message or error type leaks no Username or FeedbackToken into results",
          arguments: ["echo", "echo-type"], [false, true])
    func echoLeaksNothing(mode: String, strict: Bool) async throws {
        let vectors = try Self.library.get().vectors(for: .server).filter { $0.id.hasPrefix("redaction.") }
        try #require(!vectors.isEmpty)
        let (results, _) = try await Self.run(mode, vectors: vectors, options: { $0.strict = strict })
        let secrets = vectors.flatMap { vector in
            [Member.username, .feedbackToken].compactMap { member -> String? in
                guard case .string(let value)? = vector.body?.members[member.wireName] else { return nil }
                return value
            }
        }
        let text = results.map { [$0.expected, $0.got].compactMap { $0 }.joined(separator: "\n") + $0.notes.joined() }
            .joined(separator: "\n")
        for secret in Set(secrets) where secret.count >= 4 {
            #expect(!text.contains(secret))
        }
        // Quoting a sensitive value is a security failure, strict or not.
        #expect(results.allSatisfy { $0.verdict == .fail })
        #expect(results.allSatisfy { $0.got?.contains("the answer quotes the request's") == true })
    }

    @Test("Requests go out as the protocol prescribes: byte-exact body, target, and a signature only on Admin")
    func requestsOnTheWire() async throws {
        let server = try ServerProcess.faulty("capture")
        defer { server.stop() }
        let runner = ServerRunner(options: .init(endpoint: server.endpoint, timeout: .seconds(10)))
        let transport = HTTPTransport(maxAnswerBytes: 1 << 20)
        for vector in try Self.sample() {
            let sent = runner.request(for: vector)
            let answer = try await transport.send(sent, to: server.endpoint, within: 10, else: .timedOut(10)).get()
            let (head, body) = try #require(Self.split(answer.body))
            #expect(head.method == "POST")
            #expect(head.path == "/")
            #expect(body == vector.wireBytes, "\(vector.id)")
            #expect(head.headers["Content-Type"] == "application/x-amz-json-1.1")
            #expect(head.headers["X-Amz-Target"] == vector.operation.target)
            #expect(head.headers["Host"] == runner.hostHeader)
            let received = WireRequest(method: head.method, path: head.path, headers: head.headers, body: body)
            let check = SigV4.verify(received, host: runner.hostHeader, credentials: .test)
            #expect(check == (vector.operation.isSigned ? .valid : .missing), "\(vector.id)")
        }
    }

    @Test("send(_:) delivers requests exactly as given, answers in their order, and nothing else")
    func sendAsGiven() async throws {
        let server = try ServerProcess.faulty("capture")
        defer { server.stop() }
        let runner = ServerRunner(options: .init(endpoint: server.endpoint, timeout: .seconds(10), concurrency: 3))
        let requests = try Self.sample().map { runner.request(for: $0) }
        let answers = await runner.send(requests)
        #expect(answers.count == requests.count)
        for (request, answer) in zip(requests, answers) {
            let (head, body) = try #require(Self.split(try answer.get().body))
            #expect(body == request.body)
            #expect(head.headers["X-Amz-Target"] == request.headers["X-Amz-Target"])
            #expect(head.headers["Authorization"] == request.headers["Authorization"])
        }
        server.stop()
        let refused = await runner.send(Array(requests.prefix(2)))
        #expect(refused.map { $0.map(\.status) } == [.failure(.refused), .failure(.refused)])
    }

    /// Splits a captured raw request into its request line, headers and body.
    static func split(_ raw: [UInt8]) -> ((method: String, path: String, headers: HeaderFields), [UInt8])? {
        let separator = Array("\r\n\r\n".utf8)
        guard let range = raw.firstRange(of: separator) else { return nil }
        let lines = String(decoding: raw[..<range.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers = HeaderFields()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            headers.fields.append(.init(name: String(line[..<colon]),
                                        value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return ((String(requestLine[0]), String(requestLine[1]), headers), Array(raw[range.upperBound...]))
    }

    @Test("Vectors not meant for servers are skipped; progress counts the rest")
    func onlyServerVectors() async throws {
        let all = try Self.library.get().vectors
        let mixed = Array(all.filter { !$0.appliesTo.contains(.server) }.prefix(2)) + (try Self.sample())
        let server = try ServerProcess.faulty("accept-all")
        defer { server.stop() }
        let counter = Counter()
        let results = await ServerRunner(options: .init(endpoint: server.endpoint, timeout: .seconds(10)))
            .run(mixed) { done, total in counter.record(done, total) }
        #expect(results.map(\.id) == mixed.filter { $0.appliesTo.contains(.server) }.map(\.id))
        #expect(counter.calls.map(\.0) == Array(1...results.count))
        #expect(counter.calls.allSatisfy { $0.1 == results.count })
    }
}

/// Records progress calls from the runner's tasks.
final class Counter: Sendable {
    private let recorded = Mutex<[(Int, Int)]>([])
    func record(_ done: Int, _ total: Int) { recorded.withLock { $0.append((done, total)) } }
    var calls: [(Int, Int)] { recorded.withLock { $0 } }
}
