import FeedbackRules

/// An HTTP request as a client sends it, or as a runner sends a vector.
///
/// Its description shows the method, path, header names and body size, never
/// the body or header values, which carry usernames, tokens and signatures.
public struct WireRequest: Sendable, Hashable, CustomStringConvertible {
    /// `POST` for both operations.
    public var method: String
    /// `/` for both operations (the request target: path and any query).
    public var path: String
    /// The header fields.
    public var headers: HeaderFields
    /// The body's bytes, exactly.
    public var body: [UInt8]

    /// Creates a request from its parts.
    public init(method: String, path: String, headers: HeaderFields, body: [UInt8]) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// The request the awsJson1.1 protocol prescribes for `operation` with
    /// `body`: `POST /`, `Content-Type: application/x-amz-json-1.1` and the
    /// operation's `X-Amz-Target`. Unsigned; `Host` is left to the transport.
    public init(_ operation: FeedbackOperation, body: [UInt8]) {
        self.init(method: "POST", path: "/", headers: [
            "Content-Type": FeedbackOperation.contentType,
            "X-Amz-Target": operation.target,
        ], body: body)
    }

    /// Whether the request can be written as HTTP/1.1 exactly as it is: a
    /// method and target without spaces, field names that are tokens, and
    /// no CR, LF or NUL anywhere in the head. A request that fails this
    /// would put other lines (headers, requests) into the stream: a
    /// transport must refuse it.
    public var isWritableAsHTTP: Bool {
        func clean(_ text: String, spaces: Bool) -> Bool {
            text.utf8.allSatisfy { $0 != 13 && $0 != 10 && $0 != 0 && (spaces || $0 != 0x20) }
        }
        return !method.isEmpty && clean(method, spaces: false) && path.hasPrefix("/") && clean(path, spaces: false)
            && headers.fields.allSatisfy { field in
                !field.name.isEmpty && clean(field.name, spaces: false) && !field.name.contains(":")
                    && clean(field.value, spaces: true)
            }
    }

    public var description: String {
        "\(method) \(path) [\(headers.fields.map(\.name).joined(separator: ", "))] body: \(body.count) bytes"
    }

    /// The `Host` header value for an authority: the host (an IPv6 literal
    /// in brackets), and the port unless it is the scheme's default (80 for
    /// `http`, 443 for `https`).
    public static func hostHeader(scheme: String, host: String, port: Int?) -> String {
        let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        guard let port else { return name }
        let lowered = scheme.lowercased()
        if (lowered == "http" && port == 80) || (lowered == "https" && port == 443) { return name }
        return "\(name):\(port)"
    }
}

extension FeedbackOperation {
    /// The awsJson1.1 content type, `application/x-amz-json-1.1`.
    public static let contentType = "application/x-amz-json-1.1"

    /// Whether requests carry a SigV4 signature: the Admin operation does;
    /// `UpdateAuthEventFeedback` is `authtype: none` in the service model.
    public var isSigned: Bool { self == .adminUpdateAuthEventFeedback }
}
