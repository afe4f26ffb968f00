import Foundation
import FeedbackTestSupport
import Testing
import FeedbackConformance

/// A run fails on `service` findings by default, and on `protocol` ones
/// too with `--strict`; each report leads with its findings, one per cause.
@Suite("conform severity gate", .serialized)
struct SeverityGateTests {
    static var faulty: [String] { ConformCommandTests.faulty }

    /// The JSON report's `findings` array, as (id, severity, cases).
    static func findings(_ json: String) throws -> [(id: String, severity: String, cases: Int)] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return try findings.map { finding in
            (try #require(finding["id"] as? String), try #require(finding["severity"] as? String), try #require(finding["cases"] as? Int))
        }
    }

    /// The number of Update cases of a full client run that reach the wire
    /// (the fixture sends every case it is given).
    static func updateCases(_ json: String) throws -> Int {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        return results.count { ($0["id"] as? String)?.hasSuffix(".update") == true }
    }

    @Test("A client that signs UpdateAuthEventFeedback and is otherwise exact passes with one protocol finding, and fails with --strict")
    func signedUpdateIsProtocolFinding() async throws {
        let run = try await ToolRun(["conform", "client", "--quiet", "--format", "json", "--"] + Self.faulty + ["sign-update"])
        #expect(run.status == 0)
        let findings = try Self.findings(run.output)
        #expect(findings.count == 1)
        #expect(findings.first?.id == "signs-optional-auth-operation")
        #expect(findings.first?.severity == "protocol")
        #expect(findings.first?.cases == (try Self.updateCases(run.output)), "every Update case, and nothing else")
        let strict = try await ToolRun(["conform", "client", "--quiet", "--strict", "--"] + Self.faulty + ["sign-update"])
        #expect(strict.status == 1)
        #expect(strict.output.hasPrefix("client faulty-adapter"))
        #expect(strict.output.contains("FINDINGS (1: 1 protocol)\n  protocol signs-optional-auth-operation  "))
    }

    @Test("A client that reads the error type only from __type passes with one protocol finding, and fails with --strict")
    func typeOnlyFromBodyIsProtocolFinding() async throws {
        let run = try await ToolRun(["conform", "client", "--quiet", "--format", "json", "--"] + Self.faulty + ["type-only"])
        #expect(run.status == 0)
        let findings = try Self.findings(run.output)
        #expect(findings.map(\.id) == ["reads-error-type-only-from-type-member"])
        #expect(findings.first?.severity == "protocol")
        // Seven modelled errors, two forms without __type, two operations.
        #expect(findings.first?.cases == 28)
        let strict = try await ToolRun(["conform", "client", "--quiet", "--strict", "--"] + Self.faulty + ["type-only"])
        #expect(strict.status == 1)
    }

    @Test("A client that sends a wrong body fails by default, with a service finding")
    func wrongBodyFailsByDefault() async throws {
        let run = try await ToolRun(["conform", "client", "--quiet", "--format", "json", "--"] + Self.faulty + ["change-body"])
        #expect(run.status == 1)
        let findings = try Self.findings(run.output)
        #expect(findings.first?.id == "changes-member-value")
        #expect(findings.first?.severity == "service")
    }

    @Test("A signed Update whose body is also wrong is two findings: the body (service) and the signature (protocol)")
    func bodyAndAuthenticationAreJudgedApart() async throws {
        let item = ClientCase.answerCases.first { $0.id == "answer.UserNotFoundException.plain.update" }!
        var request = WireRequest(.updateAuthEventFeedback, body: Array(#"{"UserPoolId":"us-east-1_EXAMPLE1"}"#.utf8))
        request.headers.append("Authorization", "AWS4-HMAC-SHA256 Credential=x")
        let sent = SentRequest(request: request, host: "cognito-idp.us-east-1.amazonaws.com", surfaced: .error("UserNotFoundException"))
        let result = ClientJudge().judge(item, .sent(sent))
        #expect(result.verdict == .fail)
        #expect(result.deviations.filter { $0.severity == .service }.map(\.finding) == ["drops-member", "drops-member", "drops-member", "drops-member"])
        #expect(result.deviations.filter { $0.severity == .protocol }.map(\.finding) == ["signs-optional-auth-operation"])
    }

    @Test("An expectation file may list a finding: a strict run then passes, and a listed finding no case shows fails the run")
    func expectationFileNamesFindings() async throws {
        let known = try TemporaryFile(#"{"knownIssues":[{"findings":["signs-optional-auth-operation"],"reason":"old model","source":"adapter.py sigv4"}]}"#)
        let strict = try await ToolRun(["conform", "client", "--quiet", "--strict", "--expect", known.path, "--"] + Self.faulty + ["sign-update"])
        #expect(strict.status == 0)
        #expect(strict.output.contains("           at adapter.py sigv4\n"))
        let fixed = try await ToolRun(["conform", "client", "--quiet", "--expect", known.path, "--"] + Self.faulty + ["none"])
        #expect(fixed.status == 1)
        #expect(fixed.output.contains("the expectation file lists signs-optional-auth-operation, which no case shows: update the file"))
    }
}
