import FeedbackConformance
import FeedbackTestSupport
import FeedbackProcessTestSupport
import Foundation
import Testing
@testable import FeedbackRunner

/// Recordings as evidence: every exchange written, nothing secret in them,
/// read back as written, and judged again offline with the live run's
/// verdicts; committed recordings must agree with the current vectors.
@Suite("Recordings and their replay", .serialized)
struct RecordingReplayTests {
    static let library = Result { try VectorLibrary.load() }

    /// Runs `vectors` against `server` and keeps every exchange.
    static func record(_ server: ServerProcess, _ vectors: [Vector], strict: Bool = false, endpoint: URL? = nil,
                       configure: (inout ServerRunner.Options) -> Void = { _ in }) async -> (ServerRun, [RecordedExchange])
    {
        var exchanges: [RecordedExchange] = []
        let options = ServerTrafficTests.options(endpoint ?? server.endpoint) {
            $0.strict = strict
            configure(&$0)
        }
        let run = await ServerRunner(options: options).perform(vectors, record: { exchanges.append($0); return true })
        return (run, exchanges)
    }

    /// Each result as the report shows it: id, verdict, what was got.
    static func shown(_ results: [CaseResult]) -> [String] {
        results.map { "\($0.id) \($0.verdict) \($0.got ?? "-") \($0.notes.filter { !$0.hasPrefix("message not compared") })" }
    }

    @Test("Every exchange is recorded, probes and retries included, and every line reads back as it was written")
    func everyExchange() async throws {
        let server = try ServerProcess.cognitoLike(["--throttle", "9"])
        defer { server.stop() }
        let (run, exchanges) = await Self.record(server, try ServerTrafficTests.sample(8)) {
            $0.retry = RetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 0.05)
        }
        #expect(exchanges.count == run.traffic.requests)
        #expect(exchanges.filter { $0.attempt > 1 }.count == run.traffic.retries)
        #expect(exchanges.contains { $0.subject == .probe(signed: false) } && exchanges.contains { $0.subject == .probe(signed: true) })
        for exchange in exchanges {
            let line = exchange.jsonLine
            #expect(!line.contains(UInt8(ascii: "\n")))
            #expect(try RecordedExchange(jsonLine: line) == exchange)
            #expect(exchange.status != nil && exchange.requestId != nil && exchange.failure == nil)
        }
        // What a vector's exchange says of its request: the SHA-256 of the exact bytes sent, not the bytes.
        let first = try #require(exchanges.first { $0.subject == .vector(run.results[0].id) })
        let vector = try #require(try Self.library.get().vector(id: run.results[0].id))
        #expect(first.requestSha256 == SHA256.hex(SHA256.hash(vector.wireBytes)))
        #expect(first.operation == vector.operation.rawValue)
    }

    @Test("A replay gives the live run's verdicts: the reference with a difference, moto-like pages, hangs, echoes",
          arguments: ["reference", "not-implemented", "accept-all", "hang", "echo"])
    func replayMatchesLiveRun(kind: String) async throws {
        let all = try Self.library.get().vectors(for: .server)
        // Every third vector (all topics, both operations, every result) for the reference; a dozen for the others.
        let vectors = kind == "reference" ? all.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
            : Array(all.filter { $0.id.hasPrefix("username-pattern.") }.prefix(12))
        let differ = try #require(vectors.first { $0.result == .invalid } ?? all.first { $0.result == .invalid })
        let server = kind == "reference"
            ? try ServerProcess.cognitoLike(["--differ", differ.id, "--throttle", "5"])
            : try ServerProcess.faulty(kind, ["--answer-probes"])
        defer { server.stop() }
        let strict = kind != "accept-all"
        let (live, exchanges) = await Self.record(server, vectors, strict: strict) {
            $0.retry = RetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 0.05)
            $0.concurrency = 8
            $0.silentLimit = .max
        }
        let replayed = Replay(exchanges: exchanges).judge(all, strict: strict)
        #expect(Self.shown(replayed.results) == Self.shown(live.results))
        #expect(replayed.requestIds == live.requestIds)
        if kind == "reference" {
            #expect(live.results.count == vectors.count)
            #expect(live.results.filter { $0.verdict != .pass }.map(\.id) == [differ.id])
        }
    }

    @Test("A recording holds no secret: not the service's echo of usernames, tokens, the session token or the secret key")
    func nothingSecretRecorded() async throws {
        let credentials = AWSCredentials(accessKeyId: "AKIDCANARY", secretAccessKey: "CanarySecretKey0123456789abcdef",
                                         sessionToken: "CanarySessionToken0123456789")
        let home = try TemporaryFolder()
        try "[canary]\naws_access_key_id = \(credentials.accessKeyId)\naws_secret_access_key = \(credentials.secretAccessKey)\naws_session_token = \(credentials.sessionToken!)\n"
            .write(toFile: home.file("credentials"), atomically: true, encoding: .utf8)
        let server = try ServerProcess.cognitoLike(["--leak", "--credentials-file", home.file("credentials"), "--profile", "canary"])
        defer { server.stop() }
        let vectors = try Self.library.get().vectors(for: .server).filter { $0.id.hasPrefix("redaction.") }
        let redactor = Redactor(vectors: try Self.library.get().vectors, credentials: [credentials])
        var exchanges: [RecordedExchange] = []
        _ = await ServerRunner(options: ServerTrafficTests.options(server.endpoint) { $0.credentials = credentials })
            .perform(vectors, redactor: redactor, record: { exchanges.append($0); return true })
        let text = String(decoding: exchanges.flatMap { $0.jsonLine + [10] }, as: UTF8.self)
        let secrets = Set(vectors.flatMap(\.sensitiveValues).filter { $0.utf8.count >= 4 })
            .union([credentials.secretAccessKey, credentials.sessionToken!])
        for secret in secrets {
            // Computed apart: a failed expectation prints its operands, and these are secrets.
            let shows = text.lowercased().contains(secret.lowercased())
            #expect(!shows, "a \(secret.count)-character secret is in the recording")
        }
        let holdsSecret = redactor.holdsSecret(text)
        #expect(!holdsSecret)
        // The leaking server did quote them: the messages and the Admin request ids were withheld.
        #expect(exchanges.contains { $0.message == Redactor.placeholder })
        #expect(exchanges.contains { $0.signed && $0.requestId == Redactor.placeholder })
    }

    @Test("A changed request is not judged; an expectation the evidence contradicts fails; a withheld message is compared by type only")
    func vectorChanges() async throws {
        let server = try ServerProcess.cognitoLike()
        defer { server.stop() }
        let all = try Self.library.get().vectors(for: .server)
        let vectors = Array(all.filter { $0.id.hasPrefix("event-id-pattern.") && $0.result == .invalid && $0.wire == nil }.prefix(3))
        try #require(vectors.count == 3)
        let (_, exchanges) = await Self.record(server, vectors, strict: true)
        #expect(Replay(exchanges: exchanges).judge(vectors, strict: true).results.allSatisfy { $0.verdict == .pass })

        // A copy of the vectors where the first vector expects another error type and the second sends another body.
        let folder = try TemporaryFolder()
        let changed = try Self.copyVectors(to: folder, topic: "event-id-pattern.json") { vector in
            if vector["id"] as? String == vectors[0].id, var expected = vector["expected"] as? [String: Any] {
                expected["errorType"] = "SerializationException"
                vector["expected"] = expected
            }
            if vector["id"] as? String == vectors[1].id, var body = vector["body"] as? [String: Any] {
                body["UserPoolId"] = "us-east-1_Changed"
                vector["body"] = body
            }
        }
        let run = Replay(exchanges: exchanges).judge(vectors.compactMap { changed.vector(id: $0.id) }, strict: true)
        #expect(run.results.map(\.id) == [vectors[0].id, vectors[2].id])
        #expect(run.results.first?.verdict == .fail)
        #expect(run.results.last?.verdict == .pass)
        #expect(run.notes.contains { $0.hasPrefix("1 vector's request has changed since recorded") && $0.hasSuffix(vectors[1].id) })

        // A message withheld when recorded: strict cannot compare it, so the type decides, and a note says so.
        var withheld = exchanges
        for index in withheld.indices where withheld[index].subject == .vector(vectors[2].id) { withheld[index].message = Redactor.placeholder }
        let judged = Replay(exchanges: withheld).judge([vectors[2]], strict: true)
        #expect(judged.results.first?.verdict == .pass)
        #expect(judged.results.first?.notes.contains("message not compared: the recording withheld it (it held a sensitive value)") == true)
    }

    @Test("A recording keeps where the error type was and which sensitive value an answer quoted: its replay judges as live")
    func recordedFindings() throws {
        let vector = try #require(try Self.library.get().vectors(for: .server).first {
            $0.result == .invalid && $0.expected?.message != nil && !$0.operation.isSigned
                && $0.body?.members["Username"].map { if case .string(let value) = $0 { value.utf8.count >= 4 } else { false } } == true
        })
        let type = try #require(vector.expected?.errorType.rawValue)
        let message = try #require(vector.expected?.message)
        guard case .string(let username)? = vector.body?.members["Username"] else { throw CancellationError() }
        func json(_ members: [String: String]) -> [UInt8] { JSONWriter().text(.object(members.mapValues(JSONValue.string))) }
        let answers = [
            "type only in X-Amzn-ErrorType": WireResponse(status: 400, headers: ["X-Amzn-ErrorType": type + ":http://internal.amazon.com/coral/"],
                                                          body: json(["message": message])),
            "the username in a header": WireResponse(status: 400, headers: ["X-Debug": "user=" + username], body: json(["__type": type, "message": message])),
            "the username in the message": WireResponse(status: 400, body: json(["__type": type, "message": message + " (" + username + ")"])),
        ]
        for (kind, answer) in answers {
            for strict in [false, true] {
                let live = vector.judge(answer, strict: strict)
                let exchange = RecordedExchange(subject: .vector(vector.id), request: WireRequest(vector.operation, body: vector.wireBytes),
                                                attempt: 1, time: Date(), milliseconds: 1, result: .success(answer),
                                                endpoint: "http://x/", region: "us-east-1", reference: false, tool: "t",
                                                redactor: Redactor(vectors: [vector]), vector: vector)
                let line = String(decoding: exchange.jsonLine, as: UTF8.self)
                #expect(!line.contains(username), "\(kind): the recording holds the username")
                let replayed = Replay(exchanges: [try RecordedExchange(jsonLine: exchange.jsonLine)]).judge([vector], strict: strict)
                #expect(Self.shown(replayed.results) == Self.shown([live]), "\(kind), strict \(strict)")
                #expect(live.verdict == (kind.hasPrefix("type only") && !strict ? .pass : .fail), "\(kind), strict \(strict)")
            }
        }
    }

    @Test("Lines that are not recordings are refused with the file and line, never their text")
    func badLines() throws {
        let good = RecordedExchange(subject: .probe(signed: false), request: WireRequest(.updateAuthEventFeedback, body: []),
                                    attempt: 1, time: Date(), milliseconds: 1, result: .success(WireResponse(status: 200, body: [])),
                                    endpoint: "http://x/", region: "us-east-1", reference: false, tool: "t",
                                    redactor: Redactor(secrets: []))
        let file = try TemporaryFile(String(decoding: good.jsonLine, as: UTF8.self) + "\n\n{\"recording\":1,\"secret-canary-text\":1}\n",
                                     suffix: ".jsonl")
        #expect(throws: RecordingError.self) { try Replay.read(file.path) }
        do { _ = try Replay.read(file.path) } catch {
            #expect(error.description.hasPrefix("\(file.path), line 3: "))
            #expect(!error.description.contains("secret-canary-text"))
        }
        #expect(throws: RecordingError.self) { try Replay.read("/nonexistent/recording.jsonl") }
    }

    @Test("Every committed recording, and one made here against the stand-in, agrees with the current vectors")
    func committedRecordingsAgree() async throws {
        let folder = PackagePaths.file("Conformance/recordings")
        let committed = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".jsonl") }.sorted() ?? []
        var recordings: [(name: String, exchanges: [RecordedExchange])] = try committed.map { ($0, try Replay.read("\(folder)/\($0)")) }
        let server = try ServerProcess.cognitoLike()
        defer { server.stop() }
        let vectors = try Self.library.get().vectors(for: .server)
        let (_, made) = await Self.record(server, vectors, strict: true) { $0.concurrency = 8; $0.reference = true }
        recordings.append(("made against cognito_like_server.py", made))
        for (name, exchanges) in recordings {
            let run = Replay(exchanges: exchanges).judge(vectors, strict: true)
            #expect(!run.results.isEmpty, "\(name) judges nothing")
            // A case the evidence contradicts fails; one the recording has no answer for (an error) says nothing.
            let disagreeing = run.results.filter { $0.verdict == .fail || $0.verdict == .unimplemented }
            #expect(disagreeing.isEmpty, "\(name): \(disagreeing.prefix(10).map { "\($0.id): \($0.verdict) \($0.got ?? "")" })")
        }
        // The one made here answered everything: every case passes.
        #expect(Replay(exchanges: made).judge(vectors, strict: true).results.allSatisfy { $0.verdict == .pass })
    }

    /// Copies `vectors/` to `folder`, with `change` applied to every vector
    /// of the topic file `topic` (the others copied byte for byte), and
    /// loads the copy.
    static func copyVectors(to folder: TemporaryFolder, topic: String, change: (inout [String: Any]) -> Void) throws -> VectorLibrary {
        let source = PackagePaths.file("vectors")
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(source)/\(name)"))
            guard name == topic, var file = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let tests = file["tests"] as? [[String: Any]]
            else {
                try data.write(to: URL(fileURLWithPath: folder.file(name)))
                continue
            }
            file["tests"] = tests.map { vector in
                var vector = vector
                change(&vector)
                return vector
            }
            try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: folder.file(name)))
        }
        return try VectorLibrary.load(from: URL(fileURLWithPath: folder.path, isDirectory: true))
    }
}
