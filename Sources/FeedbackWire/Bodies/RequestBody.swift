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
    /// key the last value wins, as in Jackson-based services.
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
        guard let member = Member(rawValue: key) else { return "\(value)" }
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

    /// Judges the members a body read kept with ``memberKeys``: as a typed
    /// request (the engine's fastest path) when each is a string, `null` or
    /// absent, as wire values when one has another JSON type.
    package func validate(_ kept: KeptMembers) -> ValidationReport {
        switch self {
        case .updateAuthEventFeedback:
            var request = UpdateAuthEventFeedbackRequest()
            if kept.fill(&request) { return request.validate() }
        case .adminUpdateAuthEventFeedback:
            var request = AdminUpdateAuthEventFeedbackRequest()
            if kept.fill(&request) { return request.validate() }
        }
        return validate { member in slot(of: member).flatMap { kept.value(at: $0) }?.memberValue ?? .absent }
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

    /// The slot of `member` in ``memberKeys``, or `nil` when the operation
    /// has no such member.
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

extension KeptMembers {
    /// Sets `request`'s members to the strings kept with the operation's
    /// ``FeedbackRules/FeedbackOperation/memberKeys`` (`null` and absent:
    /// `nil`): `false`, and `request` unusable, when one has another JSON
    /// type. A member already holding its slot's string (the last body's,
    /// read again) is left alone, so a request kept from body to body costs
    /// no reference counting for the members that repeat.
    package func fill(_ request: inout UpdateAuthEventFeedbackRequest) -> Bool {
        sync(&request.userPoolId, 0) && sync(&request.username, 1) && sync(&request.eventId, 2)
            && sync(&request.feedbackToken, 3) && sync(&request.feedbackValue, 4)
    }

    /// ``fill(_:)-…`` for the Admin operation.
    package func fill(_ request: inout AdminUpdateAuthEventFeedbackRequest) -> Bool {
        sync(&request.userPoolId, 0) && sync(&request.username, 1) && sync(&request.eventId, 2)
            && sync(&request.feedbackValue, 3)
    }

    @inline(__always)
    private func sync(_ field: inout String?, _ slot: Int) -> Bool {
        switch kind(at: slot) {
        case .string:
            if field == nil || changed(at: slot) { field = string(at: slot) }
            return true
        case .absent, .null:
            if field != nil { field = nil }
            return true
        case .number, .boolean, .array, .object:
            return false
        }
    }

    @inline(__always)
    private func sync(_ field: inout FeedbackValue?, _ slot: Int) -> Bool {
        switch kind(at: slot) {
        case .string:
            if field == nil || changed(at: slot) { field = string(at: slot).map(FeedbackValue.init(rawValue:)) }
            return true
        case .absent, .null:
            if field != nil { field = nil }
            return true
        case .number, .boolean, .array, .object:
            return false
        }
    }
}
