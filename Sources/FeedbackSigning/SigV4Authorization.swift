/// The parts of a SigV4 `Authorization` header value:
/// `AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request,
/// SignedHeaders=host;x-amz-date, Signature=HEX`.
///
/// ```swift
/// let authorization = try SigV4Authorization(parsing: header)
/// authorization.region   // "us-east-1"
/// authorization.service  // "cognito-idp"
/// ```
///
/// Reading one checks its form only; ``SigV4/verify(_:host:credentials:region:service:now:)``
/// checks the signature. Its description shows the scope, never the signature.
public struct SigV4Authorization: Sendable, Hashable, CustomStringConvertible {
    /// The access key id of the credential.
    public var accessKeyId: String
    /// The scope's date, `yyyyMMdd`.
    public var date: String
    /// The scope's region.
    public var region: String
    /// The scope's service.
    public var service: String
    /// The signed header names, as listed (lowercase in a well-formed one).
    public var signedHeaders: [String]
    /// The signature, lowercase hex in a well-formed one.
    public var signature: String

    /// Why a header value is not a SigV4 authorization (never quotes it).
    public struct Malformed: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, e.g. `not AWS4-HMAC-SHA256`.
        public let reason: String
        public var description: String { reason }
    }

    /// Reads an `Authorization` header value.
    /// - Throws: ``Malformed`` when it is not `AWS4-HMAC-SHA256` with a
    ///   `Credential` of five `/`-separated parts ending in `aws4_request`,
    ///   `SignedHeaders` and `Signature`.
    public init(parsing value: String) throws(Malformed) {
        let prefix = "AWS4-HMAC-SHA256 "
        guard value.hasPrefix(prefix) else { throw Malformed(reason: "not AWS4-HMAC-SHA256") }
        var credential: Substring?, signed: Substring?, signature: Substring?
        for part in value.dropFirst(prefix.count).split(separator: ",") {
            let pair = String(part).trimmingASCIIWhitespace.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "Credential": credential = pair[1]
            case "SignedHeaders": signed = pair[1]
            case "Signature": signature = pair[1]
            default: break
            }
        }
        guard let credential, let signed, let signature else {
            throw Malformed(reason: "Credential, SignedHeaders or Signature missing")
        }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard scope.count == 5, scope[4] == "aws4_request" else {
            throw Malformed(reason: "credential scope is not key/date/region/service/aws4_request")
        }
        accessKeyId = String(scope[0])
        date = String(scope[1])
        region = String(scope[2])
        service = String(scope[3])
        signedHeaders = signed.split(separator: ";").map(String.init)
        self.signature = String(signature)
    }

    /// The credential scope after the access key: `DATE/REGION/SERVICE/aws4_request`.
    public var scope: String { "\(date)/\(region)/\(service)/aws4_request" }

    /// `SigV4Authorization(AKID/20261207/us-east-1/cognito-idp/aws4_request)`.
    public var description: String { "SigV4Authorization(\(accessKeyId)/\(scope))" }
}
