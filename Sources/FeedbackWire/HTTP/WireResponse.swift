/// An HTTP response: a server's answer to a vector, or a canned one fed to
/// a client.
///
/// Its description shows the status and the error type only.
public struct WireResponse: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status code.
    public var status: Int
    /// The header fields.
    public var headers: HeaderFields
    /// The body's bytes.
    public var body: [UInt8]

    /// Creates a response from its parts.
    public init(status: Int, headers: HeaderFields = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The error type the response carries, reduced to the short shape name
    /// (``ErrorTypes/sanitize(_:)``), or `nil` when it names none.
    ///
    /// Taken, as AWS SDKs do for awsJson1.1, from the first of: the
    /// `X-Amzn-ErrorType` header, the body's `code` member, the body's
    /// `__type` member. (Sources: smithy-rs `sanitize_error_code` and
    /// `parse_error_body`; Amplify's `parseJsonError`.)
    public var errorType: String? {
        if let header = headers["X-Amzn-ErrorType"], !header.isEmpty { return ErrorTypes.sanitize(header) }
        guard let members = try? JSONValue.object(parsing: body, keepingOnly: ["code", "__type"]) else { return nil }
        for key in ["code", "__type"] {
            if case .string(let code)? = members[key], !code.isEmpty { return ErrorTypes.sanitize(code) }
        }
        return nil
    }

    /// Whether the error type is named in the body's `__type`, as Cognito
    /// sends it (not only in the header or a `code` member).
    public var namesTypeInBody: Bool {
        guard let members = try? JSONValue.object(parsing: body, keepingOnly: ["__type"]) else { return false }
        if case .string(let type)? = members["__type"], !type.isEmpty { return true }
        return false
    }

    /// The error message of a JSON error body (`message`, or `Message`).
    public var message: String? {
        guard let members = try? JSONValue.object(parsing: body, keepingOnly: ["message", "Message"]) else { return nil }
        for key in ["message", "Message"] {
            if case .string(let message)? = members[key] { return message }
        }
        return nil
    }

    public var description: String {
        "HTTP \(status)" + (errorType.map { " \($0)" } ?? "")
    }
}
