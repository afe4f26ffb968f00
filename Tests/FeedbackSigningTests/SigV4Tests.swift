import Foundation
import Testing
import FeedbackSigning
import FeedbackWire
@testable import FeedbackSigning
import FeedbackTestSupport

@Suite("SigV4 signing and checking")
struct SigV4Tests {
    static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    @Test("SHA-256 and HMAC-SHA256 give the published digests (FIPS 180-4 examples, RFC 4231 case 2)")
    func digestsMatchPublishedValues() {
        #expect(SHA256.hex(SHA256.hash([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(SHA256.hmac(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("AWS's get-vanilla example signs to its published signature")
    func getVanillaMatchesAWSTestSuite() {
        let signed = SigV4.sign(WireRequest(method: "GET", path: "/", headers: [:], body: []), host: "example.amazonaws.com",
                                credentials: Self.credentials, region: "us-east-1", service: "service",
                                date: Date(timeIntervalSince1970: 1_440_938_160))  // 2015-08-30T12:36:00Z
        #expect(signed.headers["Authorization"] == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    /// The signature botocore's `SigV4Auth` computes for the same request
    /// (botocore 1.x, computed once by the script in this test's history).
    @Test("An Admin request signs exactly as botocore signs it, and verifies")
    func adminRequestSignsLikeBotocore() {
        let host = "cognito-idp.us-east-1.amazonaws.com"
        let request = WireRequest(.adminUpdateAuthEventFeedback, body: Array(#"{"UserPoolId":"us-east-1_abc","FeedbackValue":"Valid"}"#.utf8))
        let signed = SigV4.sign(request, host: host, credentials: Self.credentials, region: "us-east-1",
                                date: Date(timeIntervalSince1970: 1_795_435_200))  // 2026-11-23T12:00:00Z
        #expect(signed.headers["X-Amz-Date"] == "20261123T120000Z")
        #expect(signed.headers["Authorization"] == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/us-east-1/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=6c1cecd865651a67efcd18724e8b5a189d6a928a31d69a444fa8c5019a3c505b")
        #expect(SigV4.verify(signed, host: host, credentials: Self.credentials) == .valid)
    }

    @Test("Verification tells a missing, foreign, malformed or tampered signature apart")
    func verificationFindsEachFault() {
        let host = "cognito-idp.us-east-1.amazonaws.com"
        let request = WireRequest(.adminUpdateAuthEventFeedback, body: Array(#"{"Username":"x"}"#.utf8))
        #expect(SigV4.verify(request, host: host, credentials: Self.credentials) == .missing)
        let signed = SigV4.sign(request, host: host, credentials: Self.credentials, region: "us-east-1")
        var tampered = signed
        tampered.body = Array(#"{"Username":"y"}"#.utf8)
        #expect(SigV4.verify(tampered, host: host, credentials: Self.credentials) == .mismatch)
        #expect(SigV4.verify(signed, host: "other.example", credentials: Self.credentials) == .mismatch)
        let other = AWSCredentials(accessKeyId: "AKIDOTHER", secretAccessKey: "s")
        guard case .malformed = SigV4.verify(signed, host: host, credentials: other) else {
            Issue.record("a signature by another key must be reported as such"); return
        }
        var unsigned = signed
        unsigned.headers.fields.removeAll { $0.name == "X-Amz-Target" }
        guard case .malformed = SigV4.verify(unsigned, host: host, credentials: Self.credentials) else {
            Issue.record("a signed header missing from the request must be reported"); return
        }
    }

    @Test("Credentials never print their secret")
    func credentialsRedactTheSecret() {
        var dumped = ""
        dump(Self.credentials, to: &dumped)
        let shown = "\(Self.credentials) \(String(reflecting: Self.credentials)) \(dumped)"
        #expect(!shown.contains("EXAMPLEKEY"))
    }
}
