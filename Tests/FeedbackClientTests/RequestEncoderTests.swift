import Foundation
import Testing
import FeedbackRules
import FeedbackClient
import FeedbackConformance
import FeedbackTestSupport

/// The project's Swift encoder and decoder, checked in process against
/// every client vector and answer case. This is also how a Swift user
/// checks their own client with Swift Testing: parameterize over
/// `library.vectors(for: .client)`, build the request with your client, and
/// judge it with `ClientJudge`.
@Suite("The Swift request encoder and response decoder")
struct RequestEncoderTests {
    static let host = "cognito-idp.us-east-1.amazonaws.com"
    static let encoder = RequestEncoder(host: host, region: "us-east-1", credentials: .test)

    static func outcome(_ item: ClientCase) -> ClientOutcome {
        .sent(SentRequest(request: encoder.encode(item.operation, parameters: item.parameters), host: host,
                          surfaced: surfaced(item.response)))
    }

    /// What a caller of the client sees for `response`.
    static func surfaced(_ response: WireResponse) -> Surfaced {
        do throws(ServiceErrorResponse) {
            try ResponseDecoder.decode(response)
            return .success
        } catch {
            return .error(error.type)
        }
    }

    @Test("The vectors load, with client vectors among them")
    func clientVectorsLoad() throws {
        _ = try Vectors.loaded.get()
        #expect(try Vectors.for(.client).count > 100)
    }

    @Test("Every client vector: the encoder's request is exact and the decoder surfaces the answer")
    func everyClientVector() throws {
        try Vectors.for(.client).check { vector throws in
            let item = try #require(ClientCase(vector: vector), "\(vector.id)")
            let result = ClientJudge(credentials: .test).judge(item, Self.outcome(item))
            #expect(result.verdict == .pass, "\(vector.id): \(result.got ?? "")")
        }
    }

    @Test("Every answer case: each error form surfaces as its short type name")
    func everyAnswerCase() {
        #expect(!ClientCase.answerCases.isEmpty)
        for item in ClientCase.answerCases {
            let result = ClientJudge(credentials: .test).judge(item, Self.outcome(item))
            #expect(result.verdict == .pass, "\(item.id): \(result.got ?? "")")
        }
    }

    @Test("A typed request encodes to members in model order, UTF-8 unescaped, absent members left out")
    func typedRequestBody() {
        let request = Self.encoder.encode(UpdateAuthEventFeedbackRequest(
            userPoolId: "us-east-1_EXAMPLE1", username: "Zo\u{EB} \u{1F44D}", eventId: "e-1", feedbackValue: "Valid"))
        #expect(String(decoding: request.body, as: UTF8.self)
                == "{\"UserPoolId\":\"us-east-1_EXAMPLE1\",\"Username\":\"Zo\u{EB} \u{1F44D}\",\"EventId\":\"e-1\",\"FeedbackValue\":\"Valid\"}")
        #expect(request.method == "POST" && request.path == "/" && request.headers["Authorization"] == nil)
        #expect(request.headers["X-Amz-Target"] == "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback")
    }

    @Test("The Admin operation is signed at the given time, and the signature verifies")
    func adminIsSigned() {
        let date = Date(timeIntervalSince1970: 1_795_435_200)  // 2026-11-23T12:00:00Z
        let typed = AdminUpdateAuthEventFeedbackRequest(userPoolId: "us-east-1_EXAMPLE1", username: "alice", eventId: "e-1", feedbackValue: "Valid")
        let request = Self.encoder.encode(typed, date: date)
        #expect(request.headers["X-Amz-Date"] == "20261123T120000Z")
        #expect(request == Self.encoder.encode(typed, date: date))
        #expect(SigV4.verify(request, host: Self.host, credentials: .test) == .valid)
        #expect(SigV4.verify(request, host: Self.host, credentials: AWSCredentials(accessKeyId: "AKIDCOGNITOFEEDBACK", secretAccessKey: "x")) == .mismatch)
    }

    @Test("The decoder: 2xx is success; an error answer gives its short type name from header, code or __type", arguments: [
        (200, [:], "{}", Surfaced.success),
        (204, [:], "", .success),
        (400, [:], #"{"__type":"aws.cognito#NotAuthorizedException:http://x/","message":"m"}"#, .error("NotAuthorizedException")),
        (400, ["x-amzn-errortype": "TooManyRequestsException:http://internal.amazon.com/"], #"{"__type":"Other"}"#, .error("TooManyRequestsException")),
        (400, [:], #"{"code":"ResourceNotFoundException","__type":"Other"}"#, .error("ResourceNotFoundException")),
        (500, [:], "<html>", .error("UnknownError")),
    ] as [(Int, [String: String], String, Surfaced)])
    func decoder(status: Int, headers: [String: String], body: String, surfaced: Surfaced) {
        let answer = WireResponse(status: status, headers: HeaderFields(headers.map { .init(name: $0.key, value: $0.value) }), body: Array(body.utf8))
        #expect(Self.surfaced(answer) == surfaced)
    }
}
