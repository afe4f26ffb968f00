/// What ``SigV4/verify(_:host:credentials:)`` found.
public enum SignatureCheck: Sendable, Hashable, CustomStringConvertible {
    /// The signature is SigV4 and right for the request and credentials.
    case valid
    /// The request has no `Authorization` header.
    case missing
    /// There is one, but it is not a well-formed SigV4 authorization for
    /// these credentials; the reason says what (never a secret).
    case malformed(String)
    /// Well-formed, but the signature does not match the request.
    case mismatch

    public var description: String {
        switch self {
        case .valid: "valid SigV4 signature"
        case .missing: "no Authorization header"
        case .malformed(let reason): "malformed SigV4 authorization: \(reason)"
        case .mismatch: "SigV4 signature does not match the request"
        }
    }
}
