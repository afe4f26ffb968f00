import FeedbackSigning
import FeedbackWire
import Foundation
import NIOCore
import NIOHTTP1

/// The SigV4 check of the Admin operations: an `Authorization` whose
/// credential scope names `cognito-idp` and the emulator's region; with
/// credentials configured, also their access key and a matching signature
/// within 15 minutes of the emulator's clock (`SigV4.verify`).
///
/// The refusals are the error types AWS's JSON services use for each
/// failure (as this project's stand-in server answers them,
/// `Conformance/fixtures/cognito_like_server.py`), all HTTP 400.
struct AdminAuthorization: Sendable {
    /// The region the scope must name.
    let region: String
    /// The credentials whose signature is verified; `nil`: any access key, signature not checked.
    let credentials: AWSCredentials?

    static let service = "cognito-idp"

    static let missingToken = ErrorAnswer("MissingAuthenticationTokenException", "Missing Authentication Token")
    static let unrecognizedClient = ErrorAnswer("UnrecognizedClientException", "The security token included in the request is invalid.")
    static let wrongRegion = ErrorAnswer("InvalidSignatureException", "Credential should be scoped to a valid region.")
    static let wrongService = ErrorAnswer("InvalidSignatureException", "Credential should be scoped to correct service: '\(service)'.")
    static let expired = ErrorAnswer("InvalidSignatureException", "Signature expired.")
    static let mismatch = ErrorAnswer("InvalidSignatureException",
                                      "The request signature we calculated does not match the signature you provided.")

    /// `nil` when `request` (with its collected `body`) may call an Admin
    /// operation; else the refusal.
    func refusal(of request: HTTPRequestHead, body: ByteBuffer) -> APIAnswer? {
        guard let header = request.headers.first(name: ServiceAnswer.authorizationName) else {
            return ServiceAnswer.error(Self.missingToken)
        }
        let authorization: SigV4Authorization
        do {
            authorization = try SigV4Authorization(parsing: header)
        } catch {
            return ServiceAnswer.error("IncompleteSignatureException", "Authorization header is not SigV4: \(error.reason)")
        }
        if let credentials, !authorization.accessKeyId.utf8.elementsEqual(credentials.accessKeyId.utf8) {
            return ServiceAnswer.error(Self.unrecognizedClient)
        }
        guard authorization.region.utf8.elementsEqual(region.utf8) else {
            return ServiceAnswer.error(Self.wrongRegion)
        }
        guard authorization.service.utf8.elementsEqual(Self.service.utf8) else {
            return ServiceAnswer.error(Self.wrongService)
        }
        guard let credentials else { return nil }
        let check = SigV4.verify(wireRequest(request, body: body), host: request.headers.first(name: "Host") ?? "",
                                 credentials: credentials, region: region, service: Self.service, now: Date())
        switch check {
        case .valid: return nil
        case .outsideClockSkew: return ServiceAnswer.error(Self.expired)
        case .mismatch:
            return ServiceAnswer.error(Self.mismatch)
        case .missing, .malformed, .wrongScope:
            return ServiceAnswer.error("IncompleteSignatureException", check.description)
        }
    }

    /// The request as `SigV4.verify` reads it: every header field as
    /// received (`Host` among them).
    private func wireRequest(_ request: HTTPRequestHead, body: ByteBuffer) -> WireRequest {
        var headers = HeaderFields()
        for (name, value) in request.headers { headers.append(name, value) }
        return WireRequest(method: request.method.rawValue, path: request.uri, headers: headers,
                           body: Array(body.readableBytesView))
    }
}
