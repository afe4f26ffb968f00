import FeedbackRules

/// A request body as sent on the wire: a JSON object keyed by wire names.
///
/// ```swift
/// let body = try RequestBody(json: Array(#"{"UserPoolId": "us-east-1_abc", "Username": null}"#.utf8))
/// let report = FeedbackOperation.adminUpdateAuthEventFeedback.validate(body)
/// report.violations.map(\.kind)  // [.required, .required, .required]
/// ```
///
/// Its descriptions and mirror show `Username` and `FeedbackToken` as
/// `<redacted>`.
public struct RequestBody: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The body's members by wire name (`UserPoolId`), unknown keys included.
    public var members: [String: JSONValue]

    /// Wraps decoded members.
    public init(members: [String: JSONValue]) {
        self.members = members
    }

    /// Parses a body from its bytes, strictly (RFC 8259; see `JSONReader`
    /// for the decisions on byte order marks, duplicate keys and depth).
    ///
    /// The bytes must be UTF-8 and hold one JSON object. With a duplicate
    /// key the last value wins (one of the readings the vectors allow: the
    /// service's is not known).
    ///
    /// - Parameters:
    ///   - bytes: the body, as sent.
    ///   - keys: when given, only these top-level members are kept (see
    ///     ``JSONValue/object(parsing:keepingOnly:)``). Judging needs no more
    ///     than the operation's `FeedbackOperation.wireNames`.
    /// - Throws: ``JSONError``, which never quotes the input.
    public init(json bytes: some Sequence<UInt8>, keepingOnly keys: Set<String>? = nil) throws(JSONError) {
        members = try JSONValue.object(parsing: bytes, keepingOnly: keys)
    }

    /// `RequestBody(EventId: "e1", Username: <redacted>, …)`, keys sorted.
    public var description: String {
        "RequestBody(" + members.keys.sorted().map { "\($0): \(shown($0))" }.joined(separator: ", ") + ")"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror whose sensitive children read `<redacted>`.
    public var customMirror: Mirror {
        Mirror(self, children: members.keys.sorted().map { (label: $0, value: shown($0) as Any) }, displayStyle: .dictionary)
    }

    private func shown(_ key: String) -> String {
        guard let value = members[key] else { return "nil" }
        guard let member = Member(wireName: key) else { return "\(value)" }
        if case .string(let string) = value { return member.displayed(string) }
        return member.isSensitive && value != .null ? "<redacted>" : "\(value)"
    }

    /// What the body holds for `member`.
    public subscript(member: Member) -> MemberValue {
        members[member.wireName]?.memberValue ?? .absent
    }

    /// The body as compact JSON text: the operation's members first, in the
    /// service model's order (as SDKs send them), then any other key sorted.
    public func jsonText(for operation: FeedbackOperation) -> [UInt8] {
        let modelled = operation.members.map(\.wireName).filter { members[$0] != nil }
        let others = members.keys.filter { !modelled.contains($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var out: [UInt8] = []
        JSONWriter().writeObject(members, keys: modelled + others, to: &out)
        return out
    }
}

extension FeedbackOperation {
    /// Judges a wire body: `null` counts as absent, a non-string value is a
    /// `SerializationException`, unknown keys are ignored.
    public func validate(_ body: RequestBody) -> ValidationReport {
        validate { body[$0] }
    }

    /// Judges a body's bytes as the service would: only the operation's
    /// members are kept (anything else, `FeedbackToken` sent to the Admin
    /// operation included, is an unknown member: checked for syntax only,
    /// so a lone surrogate escape there is ignored as anywhere else), then
    /// judged.
    ///
    /// ```swift
    /// let report = try FeedbackOperation.updateAuthEventFeedback.validate(json: bytes)
    /// ```
    ///
    /// - Throws: ``JSONError`` when the bytes are not a JSON object at all:
    ///   the service's `SerializationException` for a malformed body.
    public func validate(json bytes: some Sequence<UInt8>) throws(JSONError) -> ValidationReport {
        let kept = try JSONValue.withBuffer(bytes) { buffer throws(JSONError) in
            try JSONReader.parseObject(buffer, keeping: memberKeys)
        }
        return validate(kept)
    }

    /// Judges the members a body read kept with ``memberKeys``.
    package func validate(_ kept: KeptMembers) -> ValidationReport {
        ValidationReport(failures(of: kept)) { member in slot(of: member).flatMap { kept.string(at: $0) } }
    }

    /// The constraints the members a body read kept with ``memberKeys``
    /// fail: judged on their UTF-8 where they lie (no `String` made) when
    /// each is a string, `null` or absent; as wire values when one has
    /// another JSON type.
    package func failures(of kept: KeptMembers) -> FailedConstraints {
        guard kept.holdsOnlyStrings else {
            return failures { member in slot(of: member).flatMap { kept.value(at: $0) }?.memberValue ?? .absent }
        }
        @inline(__always) func bytes(_ member: Member) -> UnsafeBufferPointer<UInt8>? {
            slot(of: member).flatMap { kept.bytes(at: $0) }
        }
        var request = MemberBytes()
        request.userPoolId = bytes(.userPoolId)
        request.username = bytes(.username)
        request.eventId = bytes(.eventId)
        request.feedbackToken = bytes(.feedbackToken)
        request.feedbackValue = bytes(.feedbackValue)
        return failures(of: request)
    }

    /// The wire names of the operation's members.
    public var wireNames: Set<String> {
        switch self {
        case .updateAuthEventFeedback: Self.updateWireNames
        case .adminUpdateAuthEventFeedback: Self.adminWireNames
        }
    }

    /// The operation's members as a key table: each member's slot is its
    /// index in ``members``.
    package var memberKeys: MemberKeys {
        switch self {
        case .updateAuthEventFeedback: Self.updateKeys
        case .adminUpdateAuthEventFeedback: Self.adminKeys
        }
    }

    /// The slot of `member` in ``memberKeys``: its ``position(of:)``,
    /// written out as a switch because the renderers look slots up per
    /// violation with a member that is not a constant (deriving it costs
    /// lint about 4 % more instructions a line: Benchmarks/gate.sh).
    /// `MemberOrderTests` holds it to ``position(of:)``.
    @inlinable @inline(__always)
    package func slot(of member: Member) -> Int? {
        switch member {
        case .userPoolId: 0
        case .username: 1
        case .eventId: 2
        case .feedbackToken: self == .updateAuthEventFeedback ? 3 : nil
        case .feedbackValue: self == .updateAuthEventFeedback ? 4 : 3
        }
    }

    private static let updateWireNames = Set(FeedbackOperation.updateAuthEventFeedback.members.map(\.wireName))
    private static let adminWireNames = Set(FeedbackOperation.adminUpdateAuthEventFeedback.members.map(\.wireName))
    private static let updateKeys = MemberKeys(FeedbackOperation.updateAuthEventFeedback.members.map(\.wireName))
    private static let adminKeys = MemberKeys(FeedbackOperation.adminUpdateAuthEventFeedback.members.map(\.wireName))
}
