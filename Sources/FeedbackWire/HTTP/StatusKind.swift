/// The class of an HTTP status code (RFC 9110, section 15): the one place
/// that reads a class from a code, as swift-http-types'
/// `HTTPResponse.Status.Kind` does.
///
/// ```swift
/// WireResponse(status: 503, body: []).statusKind  // .serverError
/// ```
public enum StatusKind: Sendable, Hashable {
    /// 1xx.
    case informational
    /// 2xx.
    case successful
    /// 3xx.
    case redirection
    /// 4xx.
    case clientError
    /// 5xx.
    case serverError
    /// Outside 100...599.
    case invalid

    /// The class of `code`.
    @inlinable
    public init(code: Int) {
        self = switch code {
        case 100...199: .informational
        case 200...299: .successful
        case 300...399: .redirection
        case 400...499: .clientError
        case 500...599: .serverError
        default: .invalid
        }
    }
}

extension WireResponse {
    /// The class of ``status``.
    @inlinable
    public var statusKind: StatusKind { StatusKind(code: status) }
}
