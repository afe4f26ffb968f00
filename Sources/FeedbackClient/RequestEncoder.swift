import FeedbackRules
import FeedbackSigning
import FeedbackWire
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// This project's Swift client encoder: typed requests (or parameters) to
/// the exact awsJson1.1 request, the Admin operation SigV4-signed.
///
/// ```swift
/// let encoder = RequestEncoder(host: "cognito-idp.us-east-1.amazonaws.com", region: "us-east-1",
///                              credentials: credentials)
/// let request = encoder.encode(AdminUpdateAuthEventFeedbackRequest(
///     userPoolId: "us-east-1_EXAMPLE1", username: "alice", eventId: "e-1", feedbackValue: "Valid"))
/// // POST /, Content-Type, X-Amz-Target, X-Amz-Date, Authorization; body {"UserPoolId":...}
/// ```
///
/// It does not validate (as Smithy advises, clients defer to the service);
/// call the request's `validate()` first to lint locally. Values are sent
/// exactly: no normalisation, trimming or case change; non-ASCII is written
/// as UTF-8, not escaped.
public struct RequestEncoder: Sendable {
    /// The service host, e.g. `cognito-idp.us-east-1.amazonaws.com`; signed as `host`.
    public var host: String
    /// The signing region.
    public var region: String
    /// The credentials that sign the Admin operation.
    public var credentials: AWSCredentials

    /// Creates an encoder for one endpoint.
    public init(host: String, region: String, credentials: AWSCredentials) {
        self.host = host
        self.region = region
        self.credentials = credentials
    }

    /// The request for a typed request; `date` is the signing time.
    public func encode<Request: FeedbackRequest>(_ request: Request, date: Date = Date()) -> WireRequest {
        var parameters: [Member: String] = [:]
        for member in Request.operation.members { parameters[member] = request[member] }
        return encode(Request.operation, parameters: parameters, date: date)
    }

    /// The request for `operation` with `parameters` (absent members are
    /// left out); members that are not the operation's are ignored.
    public func encode(_ operation: FeedbackOperation, parameters: [Member: String], date: Date = Date()) -> WireRequest {
        var members: [String: JSONValue] = [:]
        for member in operation.members { if let value = parameters[member] { members[member.wireName] = .string(value) } }
        let request = WireRequest(operation, body: RequestBody(members: members).jsonText(for: operation))
        guard operation.isSigned else { return request }
        return SigV4.sign(request, host: host, credentials: credentials, region: region, date: date)
    }
}
