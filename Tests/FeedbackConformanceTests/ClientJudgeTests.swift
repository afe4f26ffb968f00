import Foundation
import FeedbackTestSupport
import Testing
import FeedbackRules
@testable import FeedbackConformance

@Suite("Judging what a client did")
struct ClientJudgeTests {
    static let host = "cognito-idp.us-east-1.amazonaws.com"
    static let judgement = ClientJudge(credentials: .test)

    /// A valid Update case and an Admin answer case, with hand-written requests.
    static let update = ClientCase(
        id: "t.update", operation: .updateAuthEventFeedback,
        parameters: [.userPoolId: "us-east-1_EXAMPLE1", .username: "ren\u{E9}e-2024", .eventId: "e-1",
                     .feedbackToken: "tok.en=", .feedbackValue: "Valid"],
        response: .success, surfaces: .success, result: .valid)
    static let admin = ClientCase.answerCases.first { $0.id == "answer.UserNotFoundException.plain.admin" }!

    /// The request a correct client sends, written out by hand.
    static func request(_ target: String, _ body: String, signed: Bool = false) -> WireRequest {
        let request = WireRequest(method: "POST", path: "/", headers: [
            "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSCognitoIdentityProviderService." + target,
        ], body: Array(body.utf8))
        return signed ? SigV4.sign(request, host: host, credentials: .test, region: "us-east-1") : request
    }

    static let updateBody = #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"ren\u00e9e-2024","EventId":"e-1","FeedbackToken":"tok.en=","FeedbackValue":"Valid"}"#
    static let adminBody = #"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"feedback-user-7","EventId":"9f3c2e1a-4b5d-4e6f-8a7b-0c1d2e3f4a5b","FeedbackValue":"Invalid"}"#

    static func judge(_ item: ClientCase, _ request: WireRequest, surfaced: Surfaced? = nil) -> CaseResult {
        judgement.judge(item, .sent(SentRequest(request: request, host: host, surfaced: surfaced ?? item.surfaces)))
    }

    @Test("An exact request, escaped or not, unsigned for Update and signed for Admin, passes")
    func exactRequestsPass() {
        let update = Self.judge(Self.update, Self.request("UpdateAuthEventFeedback", Self.updateBody))
        #expect(update.verdict == .pass, "\(update.got ?? "")")
        let raw = Self.judge(Self.update, Self.request("UpdateAuthEventFeedback", Self.updateBody.replacingOccurrences(of: "\\u00e9", with: "\u{E9}")))
        #expect(raw.verdict == .pass)
        let admin = Self.judge(Self.admin, Self.request("AdminUpdateAuthEventFeedback", Self.adminBody, signed: true),
                               surfaced: .error("UserNotFoundException"))
        #expect(admin.verdict == .pass, "\(admin.got ?? "")")
    }

    /// An Admin request signed as `region` and `service` at `date`.
    static func signed(region: String = "us-east-1", service: String = "cognito-idp", date: Date = Date(),
                       credentials: AWSCredentials = .test) -> WireRequest {
        let request = WireRequest(method: "POST", path: "/", headers: [
            "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSCognitoIdentityProviderService.AdminUpdateAuthEventFeedback",
        ], body: Array(adminBody.utf8))
        return SigV4.sign(request, host: host, credentials: credentials, region: region, service: service, date: date)
    }

    @Test("A signature scoped to another region or service, or dated outside the 15-minute window, fails with its reason",
          arguments: [
              ("eu-west-1", "cognito-idp", 0, "AdminUpdateAuthEventFeedback signature: SigV4 credential scope names the region eu-west-1, not us-east-1"),
              ("us-east-1", "cognito-identity", 0, "AdminUpdateAuthEventFeedback signature: SigV4 credential scope names the service cognito-identity, not cognito-idp"),
              ("us-east-1", "cognito-idp", -20, "AdminUpdateAuthEventFeedback signature: X-Amz-Date is about 20 minutes from the current time; the service refuses a request more than 15 minutes off"),
              ("us-east-1", "cognito-idp", 16, "AdminUpdateAuthEventFeedback signature: X-Amz-Date is about 16 minutes from the current time; the service refuses a request more than 15 minutes off"),
          ] as [(String, String, Double, String)])
    func signatureScopeAndTime(region: String, service: String, minutes: Double, reason: String) {
        // Signed now, as the test runs: judged a moment later by the judge's own clock.
        let request = Self.signed(region: region, service: service, date: Date().addingTimeInterval(minutes * 60))
        let result = Self.judge(Self.admin, request, surfaced: .error("UserNotFoundException"))
        #expect(result.verdict == .fail)
        #expect(result.got == reason)
    }

    @Test("A signature 14 minutes off passes: the window is the service's 15 minutes")
    func signatureWithinSkew() {
        let result = Self.judge(Self.admin, Self.signed(date: Date().addingTimeInterval(-14 * 60)), surfaced: .error("UserNotFoundException"))
        #expect(result.verdict == .pass, "\(result.got ?? "")")
    }

    @Test("A request addressed to another host than the endpoint's fails; a default port written out is the same host",
          arguments: [("cognito-idp.eu-west-1.amazonaws.com", false), ("cognito-idp.us-east-1.amazonaws.com:443", true),
                      ("COGNITO-IDP.us-east-1.amazonaws.com", true), ("cognito-idp.us-east-1.amazonaws.com:8443", false)])
    func host(sentHost: String, passes: Bool) {
        let result = Self.judgement.judge(Self.update, .sent(SentRequest(
            request: Self.request("UpdateAuthEventFeedback", Self.updateBody), host: sentHost, surfaced: .success)))
        #expect((result.verdict == .pass) == passes, "\(result.got ?? "")")
        if !passes { #expect(result.got == "addressed to another host than the configured endpoint's (cognito-idp.us-east-1.amazonaws.com)") }
    }

    @Test("With a session token, a signed request must carry it in X-Amz-Security-Token")
    func sessionToken() {
        let credentials = AWSCredentials(accessKeyId: "AKIDTEMP", secretAccessKey: "temporary-secret", sessionToken: "session-token-1")
        let judge = ClientJudge(credentials: credentials)
        let withToken = Self.signed(credentials: credentials)
        #expect(judge.judge(Self.admin, .sent(SentRequest(request: withToken, host: Self.host, surfaced: .error("UserNotFoundException")))).verdict == .pass)
        var without = withToken
        without.headers.remove("X-Amz-Security-Token")
        let result = judge.judge(Self.admin, .sent(SentRequest(request: without, host: Self.host, surfaced: .error("UserNotFoundException"))))
        #expect(result.verdict == .fail)
        #expect(result.got?.contains("does not carry the session token in X-Amz-Security-Token") == true)
        #expect(result.got?.contains("session-token-1") == false)
    }

    @Test("Rejecting a valid request fails; rejecting an invalid or acceptable one passes as 'lints locally'")
    func localRejections() {
        #expect(Self.judgement.judge(Self.update, .rejected).verdict == .fail)
        for result in [Vector.Result.invalid, .acceptable] {
            let item = ClientCase(id: "t", operation: .updateAuthEventFeedback, parameters: [:], response: .success,
                                  surfaces: .success, result: result)
            let judged = Self.judgement.judge(item, .rejected)
            #expect(judged.verdict == .pass && judged.notes == ["lints locally"])
        }
        #expect(Self.judgement.judge(Self.update, .unsupported("no such operation")).verdict == .unimplemented)
    }

    @Test("A body that loses, adds, changes or normalises a member fails, naming the member", arguments: [
        (#"{"UserPoolId":"us-east-1_EXAMPLE1","EventId":"e-1","FeedbackToken":"tok.en=","FeedbackValue":"Valid"}"#, "Username dropped"),
        (#"{"UserPoolId":"us-east-1_EXAMPLE1","Username":null,"EventId":"e-1","FeedbackToken":"tok.en=","FeedbackValue":"Valid"}"#, "Username dropped"),
        (#"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"rene\u0301e-2024","EventId":"e-1","FeedbackToken":"tok.en=","FeedbackValue":"Valid"}"#, "Username differs from the parameter (normalised"),
        (#"{"UserPoolId":"us-east-1_EXAMPLE1","Username":" ren\u00e9e-2024","EventId":"e-1","FeedbackToken":"tok.en=","FeedbackValue":"Valid"}"#, "(white space trimmed)"),
        (#"{"UserPoolId":"US-EAST-1_EXAMPLE1","Username":"ren\u00e9e-2024","EventId":"e-1","FeedbackToken":"tok.en=","FeedbackValue":"Valid"}"#, "UserPoolId differs from the parameter (case changed)"),
        (#"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"ren\u00e9e-2024","EventId":"e-1","FeedbackToken":"tok.en=","FeedbackValue":"Valid","Extra":"x"}"#, "a key that is not a member"),
        (#"{"UserPoolId":"us-east-1_EXAMPLE1","Username":"ren\u00e9e-2024","EventId":1,"FeedbackToken":"tok.en=","FeedbackValue":"Valid"}"#, "EventId is not a JSON string"),
        (#"UserPoolId=us-east-1_EXAMPLE1"#, "body: not valid JSON"),
    ])
    func bodyMustEqualParameters(body: String, reason: String) {
        let result = Self.judge(Self.update, Self.request("UpdateAuthEventFeedback", body))
        #expect(result.verdict == .fail)
        #expect(result.got?.contains(reason) == true, "\(result.got ?? "")")
    }

    @Test("The Admin operation must not carry a FeedbackToken, even an empty one")
    func adminWithToken() {
        let body = Self.adminBody.replacingOccurrences(of: "}", with: #","FeedbackToken":""}"#)
        let result = Self.judge(Self.admin, Self.request("AdminUpdateAuthEventFeedback", body, signed: true), surfaced: .error("UserNotFoundException"))
        #expect(result.verdict == .fail && result.got == "body has FeedbackToken, not a member of the operation")
    }

    @Test("Method, path, X-Amz-Target and Content-Type are exact (the media type's case aside)")
    func headersAreExact() {
        var request = Self.request("UpdateAuthEventFeedback", Self.updateBody)
        request.headers = ["content-type": "Application/X-Amz-Json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback"]
        #expect(Self.judge(Self.update, request).verdict == .pass)
        let cases: [(WireRequest) -> WireRequest] = [
            { var r = $0; r.method = "PUT"; return r },
            { var r = $0; r.path = "/?x=1"; return r },
            { var r = $0; r.headers = ["Content-Type": "application/x-amz-json-1.1"]; return r },
            { var r = $0; r.headers = ["Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSCognitoIdentityProviderService.AdminUpdateAuthEventFeedback"]; return r },
            { var r = $0; r.headers = ["Content-Type": "application/x-amz-json-1.1; charset=utf-8", "X-Amz-Target": "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback"]; return r },
            { var r = $0; r.headers = ["Content-Type": "application/json", "X-Amz-Target": "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback"]; return r },
        ]
        let reasons = cases.map { Self.judge(Self.update, $0(request)).got ?? "" }
        #expect(reasons == ["method is not POST", "path is not /", "no X-Amz-Target header",
                            "X-Amz-Target is not AWSCognitoIdentityProviderService.UpdateAuthEventFeedback",
                            "Content-Type is not application/x-amz-json-1.1", "Content-Type is not application/x-amz-json-1.1"])
    }

    @Test("Update must be unsigned; Admin must carry a signature that verifies against the run's credentials")
    func signatures() {
        let signedUpdate = Self.judge(Self.update, SigV4.sign(Self.request("UpdateAuthEventFeedback", Self.updateBody), host: Self.host, credentials: .test, region: "us-east-1"))
        #expect(signedUpdate.got == "UpdateAuthEventFeedback carries an Authorization header; the model marks it unauthenticated")
        // Allowed by today's model (optionalAuth): a protocol finding, which fails only a strict judge.
        #expect(signedUpdate.verdict == .pass)
        #expect(signedUpdate.deviations.map(\.finding) == ["signs-optional-auth-operation"])
        #expect(signedUpdate.deviations.map(\.severity) == [.protocol])
        var strictJudge = Self.judgement
        strictJudge.strict = true
        #expect(strictJudge.judge(Self.update, .sent(SentRequest(request: SigV4.sign(Self.request("UpdateAuthEventFeedback", Self.updateBody),
            host: Self.host, credentials: .test, region: "us-east-1"), host: Self.host, surfaced: Self.update.surfaces))).verdict == .fail)
        let unsigned = Self.judge(Self.admin, Self.request("AdminUpdateAuthEventFeedback", Self.adminBody))
        #expect(unsigned.got == "AdminUpdateAuthEventFeedback signature: no Authorization header")
        let foreign = SigV4.sign(Self.request("AdminUpdateAuthEventFeedback", Self.adminBody), host: Self.host,
                                 credentials: AWSCredentials(accessKeyId: "AKIDOTHER", secretAccessKey: "other"), region: "us-east-1")
        #expect(Self.judge(Self.admin, foreign).verdict == .fail)
        var tampered = Self.request("AdminUpdateAuthEventFeedback", Self.adminBody, signed: true)
        tampered.headers.fields.append(.init(name: "X-Extra", value: "1"))  // unsigned extra header: still valid
        #expect(Self.judge(Self.admin, tampered).verdict == .pass)
        tampered.body = Array(Self.adminBody.replacingOccurrences(of: "Invalid", with: "Valid").utf8)
        let mismatch = Self.judge(Self.admin, tampered)
        #expect(mismatch.got?.contains("SigV4 signature does not match the request") == true, "\(mismatch.got ?? "")")
        let wrongHost = Self.judgement.judge(Self.admin, .sent(SentRequest(
            request: Self.request("AdminUpdateAuthEventFeedback", Self.adminBody, signed: true), host: "cognito-idp.eu-west-1.amazonaws.com",
            surfaced: Self.admin.surfaces)))
        #expect(wrongHost.verdict == .fail)
    }

    @Test("The surfaced error must be the short type name, byte for byte; adapter text is not shown as is")
    func surfacedErrors() {
        let request = Self.request("AdminUpdateAuthEventFeedback", Self.adminBody, signed: true)
        #expect(Self.judge(Self.admin, request, surfaced: .error("com.amazonaws.cognitoidentityprovider#UserNotFoundException")).got
                == "surfaced com.amazonaws.cognitoidentityprovider#UserNotFoundException instead of UserNotFoundException")
        #expect(Self.judge(Self.admin, request, surfaced: .success).got == "surfaced success instead of UserNotFoundException")
        #expect(Self.judge(Self.admin, request, surfaced: .error("userNotFoundException")).verdict == .fail)
        #expect(Self.judge(Self.admin, request, surfaced: .error("400")).got == "surfaced the HTTP status 400 as the error type instead of UserNotFoundException")
        #expect(Self.judge(Self.admin, request, surfaced: .error("feedback-user-7")).got
                == "surfaced an unrecognised error type (15 characters) instead of UserNotFoundException")
    }

    @Test("Adapter text is kept only when it holds no sensitive parameter value")
    func scrubbing() {
        #expect(ClientJudge.scrub("no such operation\n", of: Self.update) == "no such operation")
        #expect(ClientJudge.scrub("cannot send ren\u{E9}e-2024", of: Self.update) == nil)
        #expect(ClientJudge.scrub("token tok.en= refused", of: Self.update) == nil)
        #expect(ClientJudge.scrub("pool us-east-1_EXAMPLE1 refused", of: Self.update) != nil)  // not sensitive
    }

    @Test("Answer cases: every modelled error in six forms for both operations, each naming its type")
    func answerCases() {
        let cases = ClientCase.answerCases
        #expect(cases.count == 7 * 6 * 2 && Set(cases.map(\.id)).count == cases.count)
        let forms: [String: String] = [
            "plain": "UserNotFoundException",
            "namespaced": "com.amazonaws.cognitoidentityprovider#UserNotFoundException",
            "suffixed": "UserNotFoundException:http://internal.amazon.com/coral/com.amazonaws.cognitoidentityprovider/",
            "namespaced-suffixed": "aws.cognito#UserNotFoundException:http://internal.amazon.com/coral/com.amazonaws.cognitoidentityprovider/",
            "header": "UserNotFoundException:http://internal.amazon.com/coral/com.amazonaws.cognitoidentityprovider/",
            "code": "UserNotFoundException",
        ]
        for (form, written) in forms {
            let item = cases.first { $0.id == "answer.UserNotFoundException.\(form).update" }!
            let text = String(decoding: item.response.body, as: UTF8.self)
            let inHeader = item.response.headers["X-Amzn-ErrorType"]
            #expect(form == "header" ? inHeader == written && !text.contains("__type")
                    : text.contains("\"\(form == "code" ? "code" : "__type")\":\"\(written)\"") && inHeader == nil, "\(form)")
            #expect(item.response.status == 400 && item.surfaces == .error("UserNotFoundException"))
        }
        #expect(cases.filter { $0.response.status == 500 }.allSatisfy { $0.id.hasPrefix("answer.InternalErrorException.") })
        #expect(cases.filter { $0.response.status == 500 }.count == 12)
        #expect(cases.allSatisfy { item in item.operation.validate { item.parameters[$0].map(MemberValue.string) ?? .absent }.isValid })
    }

    @Test("A vector becomes a case: valid answered 200 {}, invalid answered with its expected error")
    func vectorCases() throws {
        let valid = try #require(Vectors.named("baseline.typical.update").flatMap(ClientCase.init(vector:)))
        #expect(valid.response.status == 200 && valid.surfaces == .success && valid.parameters.count == 5)
        let invalid = try #require(try Vectors.for(.client).first { $0.result == .invalid }.flatMap(ClientCase.init(vector:)))
        #expect(invalid.response.status == 400 && invalid.surfaces == .error("InvalidParameterException"))
        #expect(invalid.response.errorType == "InvalidParameterException")
        let vectors = try Vectors.for(.client)
        #expect(ClientCase.cases(for: vectors, answers: false).count == vectors.count)
    }
}
