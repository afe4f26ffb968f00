/// Error types as they arrive on the wire, and every name this project
/// knows, in one place: the judges of servers and clients and the canned
/// answers all read these lists.
public enum ErrorTypes {
    /// Reduces a wire error code to the short shape name: cuts at the first
    /// `:` (a trailing URL), then keeps what follows the first `#` (a
    /// namespace). `aws.cognito#UserNotFoundException:http://x/` →
    /// `UserNotFoundException`.
    public static func sanitize(_ code: String) -> String {
        var code = Substring(code)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.firstIndex(of: "#") { code = code[code.index(after: hash)...] }
        return String(code)
    }

    /// The errors both operations model, with their HTTP status (API
    /// reference): all 400 but `InternalErrorException` (500).
    public static let modelled: [(name: String, status: Int)] = [
        ("InvalidParameterException", 400),
        ("ResourceNotFoundException", 400),
        ("TooManyRequestsException", 400),
        ("NotAuthorizedException", 400),
        ("UserNotFoundException", 400),
        ("UserPoolAddOnNotEnabledException", 400),
        ("InternalErrorException", 500),
    ]
    /// The names of ``modelled``.
    public static let modelledNames: Set<String> = Set(modelled.map(\.name))

    /// A validation failure.
    public static let validation: Set<String> = [
        "InvalidParameterException", "SerializationException", "ValidationException", "InvalidParameterValueException",
    ]

    /// A request refused before validation, for its credentials or signature
    /// (AWS checks them first). JSON services add `Exception`; query-style
    /// ones do not: both spellings are here.
    public static let authentication: Set<String> = [
        "UnrecognizedClientException", "InvalidSignatureException", "MissingAuthenticationTokenException",
        "MissingAuthenticationToken", "IncompleteSignatureException", "IncompleteSignature", "AccessDeniedException",
        "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch",
    ]

    /// Throttling.
    public static let throttling: Set<String> = ["TooManyRequestsException", "ThrottlingException", "Throttling"]

    /// The server does not know the operation.
    public static let unimplemented: Set<String> = [
        "UnknownOperationException", "UnknownOperation", "InvalidAction", "UnsupportedOperation",
        "UnsupportedOperationException", "NotImplemented", "NotImplementedException", "OperationNotSupportedException",
    ]

    /// Failures of the service itself.
    public static let service: Set<String> = ["InternalFailure", "ServiceUnavailable", "InternalErrorException"]

    /// Every name above: the names a report may show as they are.
    public static let known: Set<String> = modelledNames.union(validation).union(authentication).union(throttling)
        .union(unimplemented).union(service)
}
