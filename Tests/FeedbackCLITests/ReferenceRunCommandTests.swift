import FeedbackConformance
import FeedbackRunner
import FeedbackTestSupport
import FeedbackProcessTestSupport
import Foundation
import Testing

/// `conform server` against the real service's stand-in and `conform
/// replay`, run as a user runs them: the built executable as a child
/// process, with an environment of its own (a temporary HOME, no AWS
/// variable of this process), never the network.
@Suite("conform server against the reference, and conform replay", .serialized)
struct ReferenceRunCommandTests {
    /// Canary credentials: neither secret may appear in any output.
    static let secretKey = "CanarySecretAccessKey0123456789abcdefXYZ"
    static let sessionToken = "CanarySessionToken0123456789abcdefXYZ"

    /// A temporary HOME whose `~/.aws/credentials` holds the profile `canary`.
    final class Home: @unchecked Sendable {
        let folder: TemporaryFolder
        var path: String { folder.path }
        var credentialsFile: String { folder.file(".aws/credentials") }

        init() throws {
            folder = try TemporaryFolder()
            try FileManager.default.createDirectory(atPath: folder.file(".aws"), withIntermediateDirectories: true)
            try "[canary]\naws_access_key_id = AKIDCANARY\naws_secret_access_key = \(ReferenceRunCommandTests.secretKey)\naws_session_token = \(ReferenceRunCommandTests.sessionToken)\n"
                .write(toFile: credentialsFile, atomically: true, encoding: .utf8)
        }

        /// The environment of a run: this HOME, and every AWS variable unset (empty counts as unset).
        func environment(_ extra: [String: String] = [:]) -> [String: String] {
            var environment = ["HOME": path]
            for name in ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE",
                         "AWS_DEFAULT_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"] {
                environment[name] = ""
            }
            return environment.merging(extra) { _, new in new }
        }
    }

    /// Runs `cognito-feedback arguments...` in `home`'s environment.
    static func run(_ arguments: [String], home: Home, environment: [String: String] = [:]) throws -> CommandRun {
        try #require(FileManager.default.isExecutableFile(atPath: ExecutableTests.executable.path), "build the package first (swift build)")
        return try CommandRun([ExecutableTests.executable.path] + arguments, timeout: 120,
                              environment: home.environment(environment))
    }

    /// The report's JSON.
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Each result of a JSON report: id → verdict.
    static func verdicts(_ report: [String: Any]) -> [String: String] {
        let results = report["results"] as? [[String: Any]] ?? []
        return Dictionary(results.map { ($0["id"] as? String ?? "", $0["verdict"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    @Test("--region targets https://cognito-idp.REGION.amazonaws.com/ (here through a proxy that refuses: nothing leaves the machine)",
          .enabled(if: ServerRunner.installedCurl != nil, "curl is not installed"))
    func regionTargetsTheService() throws {
        let home = try Home()
        let proxy = try BoundPort()
        let address = "http://127.0.0.1:\(proxy.number)"
        let run = try Self.run(["conform", "server", "--region", "eu-west-3", "--quiet"], home: home,
                               environment: ["https_proxy": address, "HTTPS_PROXY": address, "no_proxy": "", "NO_PROXY": ""])
        #expect(run.status == 2)
        #expect(run.errorText == "cognito-feedback: error: no usable answer from https://cognito-idp.eu-west-3.amazonaws.com/: connection refused; no vector was sent\n")
        #expect(run.output.isEmpty)
    }

    @Test("A server that refuses, or never answers (default options): exit 2 with one line, no case judged")
    func failFast() throws {
        let home = try Home()
        let port = try BoundPort()
        let refused = try Self.run(["conform", "server", "--endpoint", "http://127.0.0.1:\(port.number)"], home: home)
        #expect(refused.status == 2)
        #expect(refused.errorText == "cognito-feedback: error: no usable answer from http://127.0.0.1:\(port.number): connection refused; no vector was sent\n")
        let server = try ServerProcess.faulty("hang")
        defer { server.stop() }
        let silent = try Self.run(["conform", "server", "--endpoint", server.endpoint.absoluteString], home: home)
        #expect(silent.status == 2)
        #expect(silent.errorText.hasSuffix(": timed out after 10 s; no vector was sent\n"))
        #expect(silent.errorText.split(separator: "\n").count == 1 && silent.output.isEmpty)
    }

    @Test("HTTPS: --ca-file trusts the test's CA; without it the certificate is refused (exit 2); --ca-file on http is a usage error",
          .enabled(if: ServerRunner.installedCurl != nil, "curl is not installed"))
    func caFile() throws {
        let home = try Home()
        let folder = try TemporaryFolder()
        let server = try ServerProcess.cognitoLike(["--tls", folder.path])
        defer { server.stop() }
        let endpoint = server.secureEndpoint.absoluteString
        let trusted = try Self.run(["conform", "server", "--endpoint", endpoint, "--ca-file", folder.file("ca.pem"), "--quiet",
                                    "--id", "username-length.*"], home: home)
        #expect(trusted.status == 0, "\(trusted.outputText)")
        #expect(trusted.outputText.hasSuffix("PASSED: no failures beyond the expectation file\n"))
        let untrusted = try Self.run(["conform", "server", "--endpoint", endpoint, "--id", "username-length.*"], home: home)
        #expect(untrusted.status == 2)
        #expect(untrusted.errorText.contains("the server's TLS certificate is not trusted for its name (see --ca-file)"))
        let http = try Self.run(["conform", "server", "--endpoint", "http://127.0.0.1:9", "--ca-file", folder.file("ca.pem")], home: home)
        #expect(http.status == 2 && http.errorText == "cognito-feedback: error: --ca-file is for https endpoints\n")
    }

    @Test("The Admin operation is signed with real SigV4 from the profile, AWS_PROFILE or the environment, as the stand-in checks with botocore",
          arguments: ["--profile", "AWS_PROFILE", "environment", "wrong secret"])
    func realSignatures(source: String) throws {
        let home = try Home()
        let server = try ServerProcess.cognitoLike(["--credentials-file", home.credentialsFile, "--profile", "canary"])
        defer { server.stop() }
        var arguments = ["conform", "server", "--endpoint", server.endpoint.absoluteString, "--reference", "--quiet", "--format", "json",
                         "--id", "event-id-length.*"]
        var environment: [String: String] = [:]
        switch source {
        case "--profile": arguments += ["--profile", "canary"]
        case "AWS_PROFILE": environment["AWS_PROFILE"] = "canary"
        case "environment":
            environment = ["AWS_ACCESS_KEY_ID": "AKIDCANARY", "AWS_SECRET_ACCESS_KEY": Self.secretKey, "AWS_SESSION_TOKEN": Self.sessionToken]
        default:
            environment = ["AWS_ACCESS_KEY_ID": "AKIDCANARY", "AWS_SECRET_ACCESS_KEY": "not-the-secret", "AWS_SESSION_TOKEN": Self.sessionToken]
        }
        let run = try Self.run(arguments, home: home, environment: environment)
        let report = try Self.json(run.outputText)
        let verdicts = Self.verdicts(report)
        let admin = verdicts.filter { $0.key.hasSuffix(".admin") }
        #expect(!admin.isEmpty)
        if source == "wrong secret" {
            #expect(run.status == 1)
            #expect(admin.values.allSatisfy { $0 == "error" })
            #expect(run.outputText.contains("refused before validation (authentication): check the credentials and region"))
        } else {
            #expect(run.status == 0, "\(run.outputText.prefix(2000))")
            #expect(verdicts.values.allSatisfy { $0 == "pass" })
        }
    }

    @Test("The reference without credentials: the Admin vectors are not run, and the report says so; the test keys never sign")
    func referenceWithoutCredentials() throws {
        let home = try Home()
        let server = try ServerProcess.cognitoLike(["--credentials-file", home.credentialsFile, "--profile", "canary"])
        defer { server.stop() }
        let run = try Self.run(["conform", "server", "--endpoint", server.endpoint.absoluteString, "--reference", "--quiet",
                                "--format", "json", "--id", "event-id-length.*"], home: home)
        #expect(run.status == 0)
        let report = try Self.json(run.outputText)
        let ids = Self.verdicts(report).keys
        #expect(!ids.isEmpty && !ids.contains { $0.hasSuffix(".admin") })
        let notes = report["notes"] as? [String] ?? []
        #expect(notes.contains { $0.hasSuffix("AdminUpdateAuthEventFeedback vectors not run: no AWS credentials to sign them (environment variables or --profile)") })
        #expect((report["settings"] as? [String: String])?["credentials"] == "none")
    }

    @Test("A deliberate difference of the reference is a dispute, apart from failures, in every format", arguments: ["text", "json", "junit"])
    func disputes(format: String) throws {
        let home = try Home()
        let library = try VectorLibrary.load()
        let disputed = try #require(library.vectors(for: .server).first { $0.id.hasPrefix("event-id-length.") && $0.result == .invalid && !$0.operation.isSigned })
        let server = try ServerProcess.cognitoLike(["--differ", disputed.id])
        defer { server.stop() }
        let run = try Self.run(["conform", "server", "--endpoint", server.endpoint.absoluteString, "--reference", "--quiet",
                                "--format", format, "--id", "event-id-length.*"], home: home)
        #expect(run.status == 1)
        switch format {
        case "text":
            #expect(run.outputText.contains("\nDISPUTES (1): the reference answers otherwise than these vectors expect;\n"))
            #expect(run.outputText.contains("  DISPUTE \(disputed.id)\n    expected: \(disputed.expectedAnswer)\n    answered: HTTP 200\n    request id: "))
            #expect(!run.outputText.contains("FAILURES"))
            #expect(run.outputText.hasSuffix("DISPUTED: 1 vector is disputed by the reference\n"))
        case "json":
            let report = try Self.json(run.outputText)
            let disputes = report["disputes"] as? [[String: Any]] ?? []
            #expect(disputes.count == 1)
            #expect(disputes.first?["id"] as? String == disputed.id)
            #expect(disputes.first?["expected"] as? String == disputed.expectedAnswer)
            #expect(disputes.first?["answered"] as? String == "HTTP 200")
            #expect((disputes.first?["requestId"] as? String)?.count == 36)
            #expect(report["reference"] as? Bool == true)
        default:
            #expect(run.outputText.contains("<failure type=\"dispute\" message=\"HTTP 200\">"))
            #expect(run.outputText.components(separatedBy: "<failure").count == 2)
        }
    }

    @Test("Throttled at first, the run retries with backoff, ends with no error and counts the retries")
    func throttled() throws {
        let home = try Home()
        // The probes take 4 (throttled, retried; then 5xx, not retried); 2 cases' first attempts the other 2,
        // so no case can meet 3 of them.
        let server = try ServerProcess.cognitoLike(["--throttle", "6"])
        defer { server.stop() }
        let run = try Self.run(["conform", "server", "--endpoint", server.endpoint.absoluteString, "--quiet", "--format", "json",
                                "--id", "username-length.*"], home: home)
        #expect(run.status == 0)
        let report = try Self.json(run.outputText)
        #expect((report["summary"] as? [String: Any])?["error"] as? Int == 0)
        let traffic = try #require(report["traffic"] as? [String: Any])
        #expect((traffic["throttled"] as? Int ?? 0) + (traffic["serverErrors"] as? Int ?? 0) == 6)
        #expect(traffic["retries"] as? Int == 4)
    }

    @Test("Throttled in a burst of 20, then every 7th request: no error at default options; the report gives the throttled count and the rate the run settled at")
    func throttledBurst() throws {
        let home = try Home()
        let server = try ServerProcess.cognitoLike(["--burst", "20", "--throttle-every", "7"])
        defer { server.stop() }
        let run = try Self.run(["conform", "server", "--endpoint", server.endpoint.absoluteString, "--quiet", "--format", "json",
                                "--id", "multiple-violations.*"], home: home)
        #expect(run.status == 0, "\(run.errorText)")
        let report = try Self.json(run.outputText)
        #expect((report["summary"] as? [String: Any])?["error"] as? Int == 0)
        let traffic = try #require(report["traffic"] as? [String: Any])
        #expect((traffic["throttled"] as? Int ?? 0) >= 20)
        #expect((traffic["settledRate"] as? Double ?? 0) >= 0.5)
        #expect((report["settings"] as? [String: String])?["maxThrottled"] == "40")
    }

    @Test("A recording replays to the live run's verdicts and disputes, in the same formats")
    func recordAndReplay() throws {
        let home = try Home()
        let folder = try TemporaryFolder()
        let disputed = try #require(try VectorLibrary.load().vectors(for: .server).first { $0.id.hasPrefix("username-pattern.") && $0.result == .invalid })
        let server = try ServerProcess.cognitoLike(["--differ", disputed.id, "--credentials-file", home.credentialsFile, "--profile", "canary"])
        defer { server.stop() }
        let recording = folder.file("reference.jsonl")
        let live = try Self.run(["conform", "server", "--endpoint", server.endpoint.absoluteString, "--reference", "--profile", "canary",
                                 "--strict", "--quiet", "--format", "json", "--record", recording, "--id", "username-pattern.*"], home: home)
        #expect(live.status == 1)
        let replay = try Self.run(["conform", "replay", "--strict", "--format", "json", "--id", "username-pattern.*", recording], home: home)
        #expect(replay.status == 1)
        let liveReport = try Self.json(live.outputText), replayed = try Self.json(replay.outputText)
        #expect(Self.verdicts(replayed) == Self.verdicts(liveReport))
        #expect((replayed["disputes"] as? [[String: Any]])?.map { $0["id"] as? String } == [disputed.id])
        #expect((replayed["disputes"] as? [[String: Any]])?.first?["requestId"] as? String
            == (liveReport["disputes"] as? [[String: Any]])?.first?["requestId"] as? String)
        let text = try Self.run(["conform", "replay", "--strict", recording], home: home)
        #expect(text.status == 1 && text.outputText.contains("DISPUTE \(disputed.id)"))
    }

    @Test("No output, report, recording or error line holds a secret: the secret key, the session token, a Username or a FeedbackToken",
          arguments: ["text", "json", "junit"])
    func canaries(format: String) throws {
        let home = try Home()
        let folder = try TemporaryFolder()
        let server = try ServerProcess.cognitoLike(["--leak", "--credentials-file", home.credentialsFile, "--profile", "canary"])
        defer { server.stop() }
        let report = folder.file("report"), recording = folder.file("recording.jsonl")
        let run = try Self.run(["conform", "server", "--endpoint", server.endpoint.absoluteString, "--reference", "--profile", "canary",
                                "--strict", "--format", format, "--output", report, "--record", recording, "--id", "redaction.*"], home: home)
        #expect(run.status == 1)
        let replay = try Self.run(["conform", "replay", "--strict", "--format", format, recording], home: home)
        let vectors = try VectorLibrary.load().vectors.filter { $0.id.hasPrefix("redaction.") }
        let secrets = Set(vectors.flatMap(\.sensitiveValues).filter { $0.unicodeScalars.count >= 6 }).union([Self.secretKey, Self.sessionToken])
        try #require(secrets.count >= 4)
        let everything = [run.outputText, run.errorText, replay.outputText, replay.errorText,
                          try String(contentsOfFile: report, encoding: .utf8), try String(contentsOfFile: recording, encoding: .utf8)]
            .joined(separator: "\n")
        for secret in secrets {
            let escaped = secret.utf16.map { String(format: "\\u%04x", $0) }.joined()
            // Computed apart: a failed expectation prints its operands, and these are secrets.
            let shows = everything.lowercased().contains(secret.lowercased()) || everything.lowercased().contains(escaped)
            #expect(!shows, "a \(secret.count)-character secret shows")
        }
        // The leaking stand-in did echo them: what held them was withheld.
        #expect(try String(contentsOfFile: recording, encoding: .utf8).contains(Redactor.placeholder))
    }

    @Test("Real credentials never go over plain http to another machine: a usage error before any request")
    func noCredentialsOverHTTP() throws {
        let home = try Home()
        let run = try Self.run(["conform", "server", "--endpoint", "http://192.0.2.1:9", "--profile", "canary"], home: home)
        #expect(run.status == 2)
        #expect(run.errorText == "cognito-feedback: error: AWS credentials are sent only over https, or to this machine: the session token is a header\n")
    }

    @Test("An unwritable recording is exit 2 before any request; a recording that cannot be read is exit 2 naming the file and line")
    func recordingFiles() throws {
        let home = try Home()
        let port = try BoundPort()
        let unwritable = try Self.run(["conform", "server", "--endpoint", "http://127.0.0.1:\(port.number)", "--record",
                                       "/nonexistent-folder/r.jsonl"], home: home)
        #expect(unwritable.status == 2)
        #expect(unwritable.errorText == "cognito-feedback: error: cannot write the recording to /nonexistent-folder/r.jsonl (No such file or directory)\n")
        let bad = try TemporaryFile("{\"recording\":2}\n", suffix: ".jsonl")
        let unreadable = try Self.run(["conform", "replay", bad.path], home: home)
        #expect(unreadable.status == 2)
        #expect(unreadable.errorText.hasPrefix("cognito-feedback: error: cannot replay \(bad.path), line 1: "))
        let missing = try Self.run(["conform", "replay"], home: home)
        #expect(missing.status == 2 && missing.errorText == "cognito-feedback: error: conform replay needs one or more recordings\n")
    }
}
