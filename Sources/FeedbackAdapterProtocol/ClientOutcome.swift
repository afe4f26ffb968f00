import FeedbackWire

/// What a client did with one case's parameters, as its adapter reports it.
///
/// ```swift
/// let outcome = ClientOutcome.sent(SentRequest(
///     request: WireRequest(.updateAuthEventFeedback, body: bytes),
///     host: "cognito-idp.us-east-1.amazonaws.com",
///     surfaced: .success))
/// ```
///
/// No case of it keeps text the client wrote about the parameters (a
/// rejection message can quote the username): only the facts a judgement
/// needs.
public enum ClientOutcome: Sendable, Hashable {
    /// The client refused to build the request (local validation).
    case rejected
    /// The client built this request, was fed the case's canned response, and
    /// surfaced this outcome.
    case sent(SentRequest)
    /// The adapter cannot run the case (the client lacks the operation).
    /// The reason is the adapter's, raw: the conformance judge shows it only
    /// once it holds no parameter value (`ClientJudge.scrub(_:of:)`).
    case unsupported(String)
}

/// A request a client would send, and what it surfaced for the canned response.
public struct SentRequest: Sendable, Hashable {
    /// The request: method, path (with any query), headers, body bytes.
    public var request: WireRequest
    /// The host the request goes to (`Host` header, else the URL's host),
    /// which the signature covers; `nil` when the adapter gave neither.
    public var host: String?
    /// What the client surfaced when fed the canned response.
    public var surfaced: Surfaced

    /// Creates a sent request.
    public init(request: WireRequest, host: String?, surfaced: Surfaced) {
        self.request = request
        self.host = host
        self.surfaced = surfaced
    }
}

/// What a client surfaces to its caller for a response: success, or an error
/// type by name.
///
/// The error type is the adapter's text, kept as given: it is no
/// `CustomStringConvertible`, so that nothing shows it by interpolation; the
/// conformance judge says how it is shown (`ClientJudge.shown(_:)`).
public enum Surfaced: Sendable, Hashable {
    /// The call succeeded.
    case success
    /// The call failed with this error type, as the client names it
    /// (`UserNotFoundException`).
    case error(String)
}
