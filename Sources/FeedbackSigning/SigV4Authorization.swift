import FeedbackWire

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

    /// Reads an `Authorization` header value, byte for byte: the parameters
    /// are its `,`-separated parts, each trimmed of ASCII white space and
    /// read as `Name=value` (a part without a name or a value is skipped; a
    /// repeated name keeps its last value).
    /// - Throws: ``Malformed`` when it is not `AWS4-HMAC-SHA256` with a
    ///   `Credential` of five `/`-separated parts ending in `aws4_request`,
    ///   `SignedHeaders` and `Signature`.
    public init(parsing value: String) throws(Malformed) {
        var value = value
        self = try value.withUTF8 { Self.read($0) }.get()
    }

    private static let scheme = Array("AWS4-HMAC-SHA256 ".utf8)

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Self, Malformed> {
        guard bytes.starts(with: scheme) else { return .failure(Malformed(reason: "not AWS4-HMAC-SHA256")) }
        var credential: Slice<UnsafeBufferPointer<UInt8>>?, signed: Slice<UnsafeBufferPointer<UInt8>>?,
            signature: Slice<UnsafeBufferPointer<UInt8>>?
        for part in bytes[scheme.count...].split(separator: UInt8(ascii: ",")) {
            let part = ASCIIWhitespace.trimmed(part)
            guard let equals = part.firstIndex(of: UInt8(ascii: "=")), equals > part.startIndex,
                  equals + 1 < part.endIndex else { continue }
            let name = part[..<equals], parameter = part[(equals + 1)...]
            if name.elementsEqual("Credential".utf8) {
                credential = parameter
            } else if name.elementsEqual("SignedHeaders".utf8) {
                signed = parameter
            } else if name.elementsEqual("Signature".utf8) {
                signature = parameter
            }
        }
        guard let credential, let signed, let signature else {
            return .failure(Malformed(reason: "Credential, SignedHeaders or Signature missing"))
        }
        let scope = credential.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard scope.count == 5, scope[4].elementsEqual("aws4_request".utf8) else {
            return .failure(Malformed(reason: "credential scope is not key/date/region/service/aws4_request"))
        }
        func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String { String(decoding: bytes, as: UTF8.self) }
        return .success(Self(accessKeyId: text(scope[0]), date: text(scope[1]), region: text(scope[2]),
                             service: text(scope[3]),
                             signedHeaders: signed.split(separator: UInt8(ascii: ";")).map(text),
                             signature: text(signature)))
    }

    private init(accessKeyId: String, date: String, region: String, service: String, signedHeaders: [String],
                 signature: String) {
        self.accessKeyId = accessKeyId
        self.date = date
        self.region = region
        self.service = service
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    /// The credential scope after the access key: `DATE/REGION/SERVICE/aws4_request`.
    public var scope: String { "\(date)/\(region)/\(service)/aws4_request" }

    /// `SigV4Authorization(AKID/20261207/us-east-1/cognito-idp/aws4_request)`.
    public var description: String { "SigV4Authorization(\(accessKeyId)/\(scope))" }
}
