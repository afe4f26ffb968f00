import FeedbackRules

/// One language-neutral test vector: a request body as sent on the wire and
/// what the service answers to it. See `vectors/README.md` for the format.
public struct Vector: Sendable, Hashable, Codable, Identifiable, CustomStringConvertible {
    /// Stable, unique id, e.g. `username-length.129-ascii.update`.
    public let id: String
    /// What the vector checks, for people.
    public let summary: String
    /// The operation the body is sent to.
    public let operation: FeedbackOperation
    /// The JSON body's members (may hold `null`, numbers, objects): the
    /// parameters a client is given, and what a server must see.
    public var body: RequestBody
    /// The body's exact text on the wire, when the vector is about the
    /// encoding itself (escapes, member order, duplicate keys); `nil` when
    /// any faithful encoding of ``body`` will do.
    public var wire: String?
    /// `valid`, `invalid`, or `acceptable` (the documents allow either).
    public let result: Result
    /// The pitfalls the vector guards; defined in `vectors/flags.json`.
    public let flags: [String]
    /// The kinds of implementation the vector is for.
    public let appliesTo: Set<Audience>
    /// The expected error; `nil` for valid vectors. For `acceptable`
    /// vectors, the answer of an implementation that rejects.
    public let expected: Expectation?

    /// The bytes to send: ``wire`` when given, else ``body`` encoded by
    /// ``RequestBody/jsonText(for:)``.
    public var wireBytes: [UInt8] {
        wire.map { Array($0.utf8) } ?? body.jsonText(for: operation)
    }

    /// The vector's id, so that no body value appears in test output.
    public var description: String { id }

    /// The outcome a vector expects.
    public enum Result: String, Sendable, Hashable, Codable {
        case valid, invalid, acceptable
    }

    /// A kind of implementation a vector is for.
    public enum Audience: String, Sendable, Hashable, Codable, CaseIterable {
        /// Rules engines and linters judging a body.
        case rules
        /// Clients (SDKs, request builders) that build the request.
        case client
        /// Servers (the service, emulators, proxies) that answer it.
        case server
    }

    enum CodingKeys: String, CodingKey {
        case id, summary = "description", operation, body, wire, result, flags, appliesTo, expected
    }
}

extension RequestBody: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(members: try [String: JSONValue](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try members.encode(to: encoder)
    }
}

/// The error a vector expects.
public struct Expectation: Sendable, Hashable, Codable {
    /// `InvalidParameterException` or `SerializationException`.
    public let errorType: ServiceError
    /// The aggregate message (parts in any order); `nil` when undocumented.
    public let message: String?
    /// Each expected violation, in any order.
    public let violations: [ExpectedViolation]
}

/// One violation a vector expects.
public struct ExpectedViolation: Sendable, Hashable, Codable {
    /// The member's wire name.
    public let member: Member
    /// The member's message path.
    public let path: String
    /// The constraint kind.
    public let constraint: Constraint.Kind
    /// The message part; `nil` when the service's wording is undocumented.
    public let message: String?
}
