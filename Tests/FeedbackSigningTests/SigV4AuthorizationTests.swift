import FeedbackSigning
import FeedbackWire
import Testing

@Suite struct SigV4AuthorizationTests {
    @Test("A signed request's Authorization reads back as its key, scope, signed headers and signature")
    func readsTheParts() throws {
        let signed = SigV4.sign(WireRequest(.adminUpdateAuthEventFeedback, body: Array("{}".utf8)), host: "localhost",
                                credentials: .test, region: "eu-west-1")
        let authorization = try SigV4Authorization(parsing: try #require(signed.headers["Authorization"]))
        #expect(authorization.accessKeyId == AWSCredentials.test.accessKeyId)
        #expect(authorization.region == "eu-west-1")
        #expect(authorization.service == "cognito-idp")
        #expect(authorization.date.utf8.count == 8)
        #expect(authorization.signedHeaders == ["content-type", "host", "x-amz-date", "x-amz-target"])
        #expect(authorization.signature.utf8.count == 64)
        #expect(authorization.scope == "\(authorization.date)/eu-west-1/cognito-idp/aws4_request")
    }

    @Test("A header that is not SigV4 is refused with the reason, never quoting it", arguments: [
        ("Basic c2VjcmV0", "not AWS4-HMAC-SHA256"),
        ("AWS4-HMAC-SHA256 Credential=AKID/20261207/us-east-1/cognito-idp/aws4_request, SignedHeaders=host", "Signature missing"),
        ("AWS4-HMAC-SHA256 Credential=AKID/20261207/us-east-1/aws4_request, SignedHeaders=host, Signature=secretsig",
         "credential scope is not"),
        ("AWS4-HMAC-SHA256 Credential=AKID/20261207/us-east-1/cognito-idp/other, SignedHeaders=host, Signature=secretsig",
         "credential scope is not"),
    ])
    func refusesMalformedHeaders(header: String, reason: String) {
        #expect {
            _ = try SigV4Authorization(parsing: header)
        } throws: { error in
            let text = String(describing: error)
            return text.contains(reason) && !text.contains("secret") && !text.contains("c2VjcmV0")
        }
    }
}

@Suite struct SigV4AuthorizationParameterTests {
    @Test("Parameters are trimmed of white space, a repeated name keeps its last value, and names are case-sensitive")
    func parametersAreReadByName() throws {
        let authorization = try SigV4Authorization(parsing: "AWS4-HMAC-SHA256 \tSignature=aa ,signature=bb,"
            + "Credential=OLD/20250101/eu-west-1/s3/aws4_request,  Credential=AKID/20261207/us-east-1/cognito-idp/aws4_request\t,"
            + "SignedHeaders=host;x-amz-date, Signature=cc, =dd, Signature=")
        #expect(authorization.accessKeyId == "AKID")
        #expect(authorization.region == "us-east-1")
        #expect(authorization.service == "cognito-idp")
        #expect(authorization.signedHeaders == ["host", "x-amz-date"])
        #expect(authorization.signature == "cc")
    }

    @Test("The scheme is matched byte for byte, so a lowercase one is refused")
    func theSchemeIsExact() {
        #expect(throws: SigV4Authorization.Malformed.self) {
            try SigV4Authorization(parsing: "aws4-hmac-sha256 Credential=AKID/20261207/us-east-1/cognito-idp/aws4_request, "
                + "SignedHeaders=host, Signature=cc")
        }
    }
}
