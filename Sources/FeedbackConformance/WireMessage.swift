import FeedbackRules

/// HTTP header fields in the order given; names compare case-insensitively.
public struct HTTPFields: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// Each field as received or to be sent.
    public var fields: [Field]

    /// One header field.
    public struct Field: Sendable, Hashable, Codable {
        /// The field name as written (`X-Amz-Target`).
        public var name: String
        /// The field value.
        public var value: String

        /// Creates a field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates fields from `(name, value)` pairs, in order.
    public init(_ fields: [Field] = []) { self.fields = fields }

    /// `["Content-Type": "application/x-amz-json-1.1"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The value of the first field named `name` (any case), if any.
    public subscript(name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Every value of the fields named `name` (any case).
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }
}

/// An HTTP request as a client sends it, or as a runner sends a vector.
///
/// Its description shows the method, path, header names and body size, never
/// the body or header values, which carry usernames, tokens and signatures.
public struct WireRequest: Sendable, Hashable, CustomStringConvertible {
    /// `POST` for both operations.
    public var method: String
    /// `/` for both operations.
    public var path: String
    /// The header fields.
    public var headers: HTTPFields
    /// The body's bytes, exactly.
    public var body: [UInt8]

    /// Creates a request from its parts.
    public init(method: String, path: String, headers: HTTPFields, body: [UInt8]) {
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

    public var description: String {
        "\(method) \(path) [\(headers.fields.map(\.name).joined(separator: ", "))] body: \(body.count) bytes"
    }
}

/// An HTTP answer: a server's response, or a canned one fed to a client.
///
/// Its description shows the status and the error type only.
public struct WireAnswer: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status code.
    public var status: Int
    /// The header fields.
    public var headers: HTTPFields
    /// The body's bytes.
    public var body: [UInt8]

    /// Creates an answer from its parts.
    public init(status: Int, headers: HTTPFields = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The error type the answer carries, reduced to the short shape name
    /// (``ErrorCode/sanitize(_:)``), or `nil` when it names none.
    ///
    /// Taken, as AWS SDKs do for awsJson1.1, from the first of: the
    /// `X-Amzn-ErrorType` header, the body's `code` member, the body's
    /// `__type` member. (Sources: smithy-rs `sanitize_error_code` and
    /// `parse_error_body`; Amplify's `parseJsonError`.)
    public var errorType: String? {
        if let header = headers["X-Amzn-ErrorType"], !header.isEmpty { return ErrorCode.sanitize(header) }
        guard let members = try? RequestBody(json: body, keepingOnly: ["code", "__type"]).members else { return nil }
        for key in ["code", "__type"] {
            if case .string(let code)? = members[key], !code.isEmpty { return ErrorCode.sanitize(code) }
        }
        return nil
    }

    /// The error message of a JSON error body (`message`, or `Message`).
    public var message: String? {
        guard let members = try? RequestBody(json: body, keepingOnly: ["message", "Message"]).members else { return nil }
        for key in ["message", "Message"] {
            if case .string(let message)? = members[key] { return message }
        }
        return nil
    }

    public var description: String {
        "HTTP \(status)" + (errorType.map { " \($0)" } ?? "")
    }
}

/// Error codes as they arrive on the wire.
public enum ErrorCode {
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
    public static let modelled: [(type: String, status: Int)] = [
        ("InvalidParameterException", 400),
        ("ResourceNotFoundException", 400),
        ("TooManyRequestsException", 400),
        ("NotAuthorizedException", 400),
        ("UserNotFoundException", 400),
        ("UserPoolAddOnNotEnabledException", 400),
        ("InternalErrorException", 500),
    ]
}

extension FeedbackOperation {
    /// The awsJson1.1 content type, `application/x-amz-json-1.1`.
    public static let contentType = "application/x-amz-json-1.1"

    /// Whether requests carry a SigV4 signature: the Admin operation does;
    /// `UpdateAuthEventFeedback` is `authtype: none` in the service model.
    public var isSigned: Bool { self == .adminUpdateAuthEventFeedback }
}

extension String {
    /// The string without leading and trailing spaces and tabs (HTTP's
    /// optional white space), trimmed as bytes: the `Character`-wise
    /// version, reversed twice, cost a third of a request's instructions.
    package var trimmingSpaces: String {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = utf8.firstIndex(where: { !blank($0) }), let last = utf8.lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(Substring(utf8[first...last]))
    }
}
