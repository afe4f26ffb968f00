import FeedbackRules
import FeedbackWire

/// One language-neutral test vector: a request body as sent on the wire and
/// what the service answers to it. See `vectors/README.md` for the format.
public struct Vector: Sendable, Hashable, Identifiable, CustomStringConvertible, JSONReadable, JSONWritable {
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
    /// Unicode string (an escaped lone UTF-16 surrogate, flag `LoneSurrogate`:
    /// `acceptable`, allowing ``Alternative/refused``), is empty (flag
    /// `EmptyBody`), or is no JSON object at all (flag `MalformedBody`); the
    /// last two expect a refusal (``expectsRefusal``).
    ///
    /// For a wire text with a duplicate key (flag `DuplicateKey`), the body
    /// is the last-value reading: judges read ``wire``.
    public var body: RequestBody?
    /// The body's exact text on the wire, when the vector is about the
    /// encoding itself (escapes, member order, duplicate keys); `nil` when
    /// any faithful encoding of ``body`` will do. Never `nil` when ``body`` is
    /// (``VectorLibrary/load(from:)`` refuses a vector with neither).
    public var wire: String?
    /// `valid`, `invalid`, or `acceptable` (the documents allow either).
    public let result: Result
    /// For an `acceptable` vector, every answer allowed besides ``expected``
    /// (each once, none equal to it); empty for every other vector.
    public let alternatives: [Alternative]
    /// The pitfalls the vector guards; defined in `vectors/flags.json`.
    public let flags: [String]
    /// How sure the expectation is: the least certain evidence among the
    /// claims the vector makes (its flags' levels, and the case's own).
    public let evidence: Evidence
    /// The kinds of implementation the vector is for.
    public let appliesTo: Set<Audience>
    /// The expected error; `nil` for valid vectors. For `acceptable`
    /// vectors, the first of the answers allowed (the older Unicode reading,
    /// a lone surrogate kept as a code point, a refusal of an empty body);
    /// ``alternatives`` lists the others. `SerializationException` with no
    /// violation is a refusal of the body (``Expectation/isRefusal``).
    public let expected: Expectation?

    /// The bytes to send: ``wire`` when given (as written, escapes and all),
    /// else ``body`` encoded by `RequestBody.jsonText(for:)`.
    public var wireBytes: [UInt8] {
        wire.map { Array($0.utf8) } ?? body?.jsonText(for: operation) ?? []
    }

    /// Whether answering valid conforms: for `valid` vectors, and for
    /// `acceptable` ones that allow ``Alternative/valid``.
    public var allowsValidAnswer: Bool {
        result == .valid || alternatives.contains(.valid)
    }

    /// Whether refusing the body conforms (HTTP 400 `SerializationException`
    /// from a server, an unusable-input error from an engine or linter): when
    /// the vector expects a refusal, or allows ``Alternative/refused``.
    public var allowsRefusal: Bool {
        expected?.isRefusal == true || alternatives.contains(.refused)
    }

    /// The errors other than a refusal that conform: ``expected`` (unless it
    /// is a refusal), then each ``Alternative/error(_:)``.
    public var allowedErrors: [Expectation] {
        ([expected].compactMap { $0 } + alternatives.compactMap(\.error)).filter { !$0.isRefusal }
    }

    /// The vector's id, so that no body value appears in test output.
    public var description: String { id }

    /// The outcome a vector expects.
    public enum Result: String, Sendable, Hashable {
        case valid, invalid, acceptable
    }

    /// An answer an `acceptable` vector allows besides its ``Vector/expected``
    /// error: written `"valid"`, `"refused"` or an error object in the files.
    public enum Alternative: Sendable, Hashable, JSONWritable {
        /// Answering valid conforms too.
        case valid
        /// Refusing the body as malformed conforms too: a server with HTTP 400
        /// `SerializationException` (whatever its message), an engine or
        /// linter by refusing the input as unusable.
        case refused
        /// This error conforms too, judged as ``Vector/expected`` is. Never a
        /// refusal (that is ``refused``).
        case error(Expectation)

        /// Reads an alternative as the topic files write it.
        init(json element: JSONElement) throws(JSONFieldError) {
            switch element.value {
            case .string("valid"): self = .valid
            case .string("refused"): self = .refused
            case .object: self = .error(try Expectation(json: try element.object()))
            default: throw element.error(expected: "valid, refused or an error object")
            }
        }

        /// The alternative as JSON, as in the topic files: `"valid"`, `"refused"` or an error object.
        public var jsonValue: JSONValue {
            switch self {
            case .valid: .string("valid")
            case .refused: .string("refused")
            case .error(let expectation): expectation.jsonValue
            }
        }

        /// The error of an ``error(_:)`` alternative.
        public var error: Expectation? {
            if case .error(let expectation) = self { expectation } else { nil }
        }
    }

    /// A kind of implementation a vector is for.
    public enum Audience: String, Sendable, Hashable, CaseIterable {
        /// Rules engines and linters judging a body.
        case rules
        /// Clients (SDKs, request builders) that build the request.
        case client
        /// Servers (the service, emulators, proxies) that answer it.
        case server
    }

    /// Reads a vector in the format of the topic files; `alternatives` may
    /// be left out (none).
    package init(json fields: JSONFields) throws(JSONFieldError) {
        id = try fields.string("id")
        summary = try fields.string("description")
        operation = try fields.value("operation")
        body = try fields.optionalObject("body").map { RequestBody(members: $0.members) }
        wire = try fields.optionalString("wire")
        result = try fields.value("result")
        alternatives = try fields.optional("alternatives") { fields, key throws(JSONFieldError) in
            try fields.array(key) { element throws(JSONFieldError) in try Alternative(json: element) }
        } ?? []
        flags = try fields.strings("flags")
        evidence = try fields.value("evidence")
        appliesTo = Set(try fields.array("appliesTo") { element throws(JSONFieldError) in try element.value(as: Audience.self) })
        expected = try fields.optionalObject("expected").map { fields throws(JSONFieldError) in try Expectation(json: fields) }
    }

    /// The vector as JSON, in the format of the topic files
    /// (`vectors/README.md`): the keys `init(json:)` reads.
    public var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "description": .string(summary), "operation": .string(operation.rawValue),
            "result": .string(result.rawValue), "flags": .array(flags.map(JSONValue.string)),
            "evidence": .string(evidence.rawValue),
            "appliesTo": .array(Audience.allCases.filter(appliesTo.contains).map { .string($0.rawValue) }),
            "expected": expected?.jsonValue ?? .null,
        ]
        if let body { object["body"] = .object(body.members) }
        if let wire { object["wire"] = .string(wire) }
        if !alternatives.isEmpty { object["alternatives"] = .array(alternatives.map(\.jsonValue)) }
        return .object(object)
    }

    /// Why the vector breaks the format (`vectors/README.md`), or `nil`:
    /// alternatives on a vector that is not acceptable or none on one that
    /// is, an alternative that repeats ``expected`` or another one, an error
    /// alternative that is a refusal, a result that contradicts
    /// ``expected``, a refusal without a wire text, no body and no wire text,
    /// a body-less vector that allows no refusal. Names keys, never values.
    var formatProblem: String? {
        if (result == .acceptable) == alternatives.isEmpty {
            return "alternatives is required for acceptable vectors and forbidden otherwise"
        }
        if (result == .valid) != (expected == nil) { return "expected is null exactly when the result is valid" }
        if alternatives.contains(where: { $0.error?.isRefusal == true }) { return "a refusal alternative is written refused" }
        let answers = alternatives + [expected.map(Alternative.error) ?? .valid]
        if Set(answers).count != answers.count { return "alternatives repeat expected or one another" }
        if allowsRefusal, wire == nil { return "a refusal needs a wire text (a refusal is of the bytes sent)" }
        if body == nil, wire == nil { return "a vector without a body needs a wire text" }
        if body == nil, !allowsRefusal {
            return "a vector without a body must allow a refusal (expected, or an alternative refused)"
        }
        return nil
    }

    /// Whether the vector expects a refusal of the body (flags
    /// `MalformedBody`, `EmptyBody`): ``expected`` is `SerializationException`
    /// with no violation, which only a refusal gives (HTTP 400
    /// `SerializationException` from a server; a `JSONError` thrown by
    /// `validate(json:)`, the input refused as unusable, from an engine).
    /// ``alternatives`` may allow more.
    public var expectsRefusal: Bool {
        expected?.isRefusal == true
    }
}

/// The error a vector expects.
public struct Expectation: Sendable, Hashable, JSONReadable, JSONWritable {
    /// `InvalidParameterException` or `SerializationException`.
    public let errorType: ServiceError
    /// The aggregate message (parts in any order); `nil` when undocumented.
    public let message: String?
    /// Each expected violation, in any order.
    public let violations: [ExpectedViolation]

    /// Whether this is a refusal of the body: `SerializationException` with
    /// no violation, met by refusing the body before any member is read.
    public var isRefusal: Bool {
        errorType == .serialization && violations.isEmpty
    }

    /// Reads an expectation as the topic files write it.
    package init(json fields: JSONFields) throws(JSONFieldError) {
        errorType = try fields.value("errorType")
        message = try fields.optionalString("message")
        violations = try fields.array("violations") { element throws(JSONFieldError) in
            try ExpectedViolation(json: try element.object())
        }
    }

    /// The expectation as JSON, as in the topic files.
    public var jsonValue: JSONValue {
        .object(["errorType": .string(errorType.rawValue), "message": .nullable(message),
                 "violations": .array(violations.map(\.jsonValue))])
    }
}

/// One violation a vector expects.
public struct ExpectedViolation: Sendable, Hashable, JSONReadable, JSONWritable {
    /// The member's wire name.
    public let member: Member
    /// The member's message path.
    public let path: String
    /// The constraint kind.
    public let constraint: Constraint.Kind
    /// The message part; `nil` when the service's wording is undocumented.
    public let message: String?

    /// Reads a violation as the topic files write it.
    package init(json fields: JSONFields) throws(JSONFieldError) {
        let name = try fields.string("member")
        guard let member = Member(wireName: name) else { throw fields.error("member", expected: "one of the values the format lists") }
        self.member = member
        path = try fields.string("path")
        constraint = try fields.value("constraint")
        message = try fields.optionalString("message")
    }

    /// The violation as JSON, as in the topic files.
    public var jsonValue: JSONValue {
        .object(["member": .string(member.wireName), "path": .string(path), "constraint": .string(constraint.rawValue),
                 "message": .nullable(message)])
    }
}
