import FeedbackRules
import FeedbackWire

/// One language-neutral test vector: a request body as sent on the wire and
/// what the service answers to it. See `vectors/README.md` for the format.
public struct Vector: Sendable, Hashable, Decodable, Identifiable, CustomStringConvertible {
    /// Stable, unique id, e.g. `username-length.129-ascii.update`.
    public let id: String
    /// What the vector checks, for people.
    public let summary: String
    /// The operation the body is sent to.
    public let operation: FeedbackOperation
    /// The JSON body's members (may hold `null`, numbers, objects): the
    /// parameters a client is given, and what a server must see.
    ///
    /// `nil` only when ``wire`` has no JSON object reading: it decodes to no
    /// Unicode string (an escaped lone UTF-16 surrogate, flag `LoneSurrogate`),
    /// or is empty (flag `EmptyBody`); such a vector is `acceptable` with the
    /// alternative ``Alternative/refused``. Or the text is no JSON object at
    /// all (flag `MalformedBody`): such a vector is `invalid`, expecting
    /// `SerializationException` with no violation, which a refusal meets.
    public var body: RequestBody?
    /// The body's exact text on the wire, when the vector is about the
    /// encoding itself (escapes, member order, duplicate keys); `nil` when
    /// any faithful encoding of ``body`` will do. Never `nil` when ``body`` is
    /// (``VectorLibrary/load(from:)`` refuses a vector with neither).
    public var wire: String?
    /// `valid`, `invalid`, or `acceptable` (the documents allow either).
    public let result: Result
    /// For an `acceptable` vector, the answer allowed besides ``expected``;
    /// `nil` for every other vector.
    public let alternative: Alternative?
    /// The pitfalls the vector guards; defined in `vectors/flags.json`.
    public let flags: [String]
    /// How sure the expectation is: the least certain evidence among the
    /// claims the vector makes (its flags' levels, and the case's own).
    public let evidence: Evidence
    /// The kinds of implementation the vector is for.
    public let appliesTo: Set<Audience>
    /// The expected error; `nil` for valid vectors. For `acceptable`
    /// vectors, the answer of an implementation that rejects the value
    /// (the older Unicode reading, or the service's reading of a lone
    /// surrogate); ``alternative`` says what else conforms.
    public let expected: Expectation?

    /// The bytes to send: ``wire`` when given (as written, escapes and all),
    /// else ``body`` encoded by `RequestBody.jsonText(for:)`.
    public var wireBytes: [UInt8] {
        wire.map { Array($0.utf8) } ?? body?.jsonText(for: operation) ?? []
    }

    /// Whether answering valid conforms: for `valid` vectors, and for
    /// `acceptable` ones whose alternative is ``Alternative/valid``.
    public var allowsValidAnswer: Bool {
        switch result {
        case .valid: true
        case .invalid: false
        case .acceptable: alternative != .refused
        }
    }

    /// The vector's id, so that no body value appears in test output.
    public var description: String { id }

    /// The outcome a vector expects.
    public enum Result: String, Sendable, Hashable, Decodable {
        case valid, invalid, acceptable
    }

    /// What an `acceptable` vector allows besides its ``Vector/expected`` error.
    public enum Alternative: String, Sendable, Hashable, Decodable {
        /// The documents allow two readings: answering valid conforms too.
        case valid
        /// The body may be refused as malformed instead: by a server with
        /// HTTP 400 `SerializationException`, by an engine or linter by
        /// refusing the input as unusable. Answering valid does not conform.
        case refused
    }

    /// A kind of implementation a vector is for.
    public enum Audience: String, Sendable, Hashable, Decodable, CaseIterable {
        /// Rules engines and linters judging a body.
        case rules
        /// Clients (SDKs, request builders) that build the request.
        case client
        /// Servers (the service, emulators, proxies) that answer it.
        case server
    }

    enum CodingKeys: String, CodingKey {
        case id, summary = "description", operation, body, wire, result, alternative, flags, evidence, appliesTo, expected
    }

    /// Why the vector breaks the format (`vectors/README.md`), or `nil`:
    /// an alternative on a vector that is not acceptable or none on one that
    /// is, no body and no wire text, a body-less vector that is neither
    /// acceptable with the alternative `refused` nor a malformed body's
    /// (``expectsRefusal``). Names keys, never values.
    var formatProblem: String? {
        if (result == .acceptable) != (alternative != nil) {
            return "alternative is required for acceptable vectors and forbidden otherwise"
        }
        if body == nil, wire == nil { return "a vector without a body needs a wire text" }
        if body == nil, alternative != .refused, !expectsRefusal {
            return "a vector without a body must be acceptable with the alternative refused, "
                + "or invalid expecting SerializationException with no violation"
        }
        return nil
    }

    /// Whether the vector is a malformed body's (flag `MalformedBody`):
    /// `invalid`, expecting `SerializationException` with no violation, which
    /// only a refusal of the body gives (HTTP 400 `SerializationException`
    /// from a server; `EngineAnswer.refused(_:)` from an engine).
    public var expectsRefusal: Bool {
        result == .invalid && expected?.errorType == .serialization && expected?.violations.isEmpty == true
    }
}

extension RequestBody: Decodable {
    public init(from decoder: any Decoder) throws {
        self.init(members: try [String: JSONValue](from: decoder))
    }
}

/// The error a vector expects.
public struct Expectation: Sendable, Hashable, Decodable {
    /// `InvalidParameterException` or `SerializationException`.
    public let errorType: ServiceError
    /// The aggregate message (parts in any order); `nil` when undocumented.
    public let message: String?
    /// Each expected violation, in any order.
    public let violations: [ExpectedViolation]
}

/// One violation a vector expects.
public struct ExpectedViolation: Sendable, Hashable, Decodable {
    /// The member's wire name.
    public let member: Member
    /// The member's message path.
    public let path: String
    /// The constraint kind.
    public let constraint: Constraint.Kind
    /// The message part; `nil` when the service's wording is undocumented.
    public let message: String?
}
