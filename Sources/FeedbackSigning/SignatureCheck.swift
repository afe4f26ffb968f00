/// What ``SigV4/verify(_:host:credentials:region:service:now:)`` found.
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
    /// The credential scope names another region or service than the one
    /// the request is for; the reason says which.
    case wrongScope(String)
    /// `X-Amz-Date` is further from the verifier's clock than the service
    /// accepts (15 minutes), by this many whole minutes.
    case outsideClockSkew(minutes: Int)

    public var description: String {
        switch self {
        case .valid: "valid SigV4 signature"
        case .missing: "no Authorization header"
        case .malformed(let reason): "malformed SigV4 authorization: \(reason)"
        case .mismatch: "SigV4 signature does not match the request"
        case .wrongScope(let reason): "SigV4 credential scope \(reason)"
        case .outsideClockSkew(let minutes):
            "X-Amz-Date is about \(minutes) minutes from the current time; the service refuses a request more than 15 minutes off"
        }
    }
}
