import FeedbackConformance
import FeedbackTestSupport
import FeedbackProcessTestSupport
import Foundation
import Testing
@testable import FeedbackRunner

/// `https://` through `curl` against a TLS stand-in whose CA is made for
/// the test: trusted only when given, never unverified, every wait and
/// size bounded, exactly the request's headers and body sent, no secret on
/// a command line.
@Suite("HTTPS through curl, with a CA made for the test", .serialized,
       .enabled(if: ServerRunner.installedCurl != nil, "curl is not installed: https cannot be reached"))
struct HTTPSTransportTests {
    /// A TLS stand-in; its CA and an unrelated one are in `folder`.
    static func server(_ arguments: [String] = [], in folder: TemporaryFolder) throws -> ServerProcess {
        try ServerProcess.cognitoLike(["--tls", folder.path] + arguments)
    }

    @Test("Trusting the test's CA, every case goes through and passes, Admin signed")
    func trustedCA() async throws {
        let folder = try TemporaryFolder()
        let server = try Self.server(in: folder)
        defer { server.stop() }
        let vectors = try ServerTrafficTests.sample(12)
        let run = await ServerRunner(options: ServerTrafficTests.options(server.secureEndpoint) { $0.caFile = folder.file("ca.pem") })
            .perform(vectors)
        #expect(run.unreachable == nil)
        #expect(run.results.count == 12 && run.results.allSatisfy { $0.verdict == .pass }, "\(run.results.map { "\($0.id) \($0.got ?? "")" })")
    }

    @Test("Without the CA or with another CA: untrusted; without curl: not sent; nothing passes",
          arguments: ["system", "other", "no curl"])
    func untrusted(how: String) async throws {
        let folder = try TemporaryFolder()
        let server = try Self.server(in: folder)
        defer { server.stop() }
        let run = await ServerRunner(options: ServerTrafficTests.options(server.secureEndpoint) {
            if how == "other" { $0.caFile = folder.file("other-ca.pem") }
            if how == "no curl" { $0.curl = nil }
        }).perform(try ServerTrafficTests.sample(4))
        #expect(run.unreachable == (how == "no curl" ? .needsCurl : .untrusted))
        #expect(!run.results.contains { $0.verdict == .pass })
    }

    @Test("A TLS server that hangs or floods: curl is stopped at the timeout or the size cap", arguments: [
        ("hang", "timed out after 1 s"), ("flood", "answer larger than 1048576 bytes"),
    ])
    func faults(fault: String, got: String) async throws {
        let folder = try TemporaryFolder()
        let server = try Self.server(["--fault", fault], in: folder)
        defer { server.stop() }
        let run = await ServerRunner(options: ServerTrafficTests.options(server.secureEndpoint) { $0.caFile = folder.file("ca.pem") })
            .perform(try ServerTrafficTests.sample(4))
        #expect(run.unreachable == nil)
        #expect(run.results.count == 4 && run.results.allSatisfy { $0.verdict == .error && $0.got == got })
    }

    @Test("curl sends exactly the request: its headers, none of its own, the body byte for byte, a valid signature")
    func exactRequest() async throws {
        let folder = try TemporaryFolder()
        let server = try Self.server(["--fault", "capture"], in: folder)
        defer { server.stop() }
        let credentials = AWSCredentials(accessKeyId: "AKIDCAPTURE", secretAccessKey: "capture-secret", sessionToken: "capture-token")
        let runner = ServerRunner(options: ServerTrafficTests.options(server.secureEndpoint) { $0.credentials = credentials })
        let transport = HTTPTransport(maxAnswerBytes: 1 << 20, caFile: folder.file("ca.pem"))
        for vector in try ServerTrafficTests.sample(4) {
            let sent = runner.request(for: vector)
            let answer = try await transport.send(sent, to: server.secureEndpoint, within: 5, else: .timedOut(5)).get()
            let (head, body) = try #require(ServerRunnerTests.split(answer.body))
            #expect(head.method == "POST" && head.path == "/")
            #expect(body == vector.wireBytes, "\(vector.id)")
            let names = Set(head.headers.fields.map { $0.name.lowercased() })
            let expected: Set<String> = vector.operation.isSigned
                ? ["host", "content-type", "x-amz-target", "content-length", "x-amz-date", "x-amz-security-token", "authorization"]
                : ["host", "content-type", "x-amz-target", "content-length"]
            #expect(names == expected, "\(vector.id)")
            #expect(head.headers["Host"] == runner.hostHeader)
            let received = WireRequest(method: head.method, path: head.path, headers: head.headers, body: body)
            #expect(SigV4.verify(received, host: runner.hostHeader, credentials: credentials) == (vector.operation.isSigned ? .valid : .missing))
        }
    }

    @Test("curl's command line holds no header value and no body byte; the headers it reads hold the request's own")
    func nothingOnTheCommandLine() throws {
        let credentials = AWSCredentials(accessKeyId: "AKIDX", secretAccessKey: "argv-secret", sessionToken: "ArgvSessionTokenCanary")
        let vector = try #require(try ServerTrafficTests.sample(2).last)
        let runner = ServerRunner(options: .init(endpoint: URL(string: "https://127.0.0.1:1/")!, credentials: credentials))
        let request = runner.request(for: vector)
        let client = CurlHTTPClient(executable: "curl", caFile: "/ca.pem", maxAnswerBytes: 100)
        let command = try #require(client.command(request, to: runner.options.endpoint, until: .now + .seconds(5)))
        for field in request.headers.fields {
            #expect(!command.contains { $0.contains(field.value) }, "\(field.name) is on the command line")
        }
        #expect(!command.contains(String(decoding: request.body, as: UTF8.self)))
        for value in vector.sensitiveValues where value.utf8.count >= 4 {
            #expect(!command.contains { $0.contains(value) }, "a sensitive value is on the command line")
        }
        #expect(command.contains("@/dev/fd/3") && command.contains("@-") && command.contains("/ca.pem"))
        #expect(!command.contains("--insecure") && !command.contains("-k"))
        let lines = String(decoding: try #require(client.headerLines(request)), as: UTF8.self)
        #expect(lines.hasPrefix("Accept:\nUser-Agent:\nExpect:\n"))
        #expect(lines.contains("X-Amz-Security-Token: ArgvSessionTokenCanary\n"))
    }
}
