/// What a JSON request body holds for one member.
///
/// The typed request structs can only say "absent" or "a string"; a wire body
/// can also hold `null` (which the service treats as absent) or a value of
/// the wrong JSON type (which the service rejects while deserializing, with a
/// `SerializationException`, before any constraint is checked).
///
/// Its descriptions never show a string's content, since it may be a
/// sensitive member's.
public enum MemberValue: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key is not in the body.
    case absent
    /// The key is present with the JSON value `null`.
    case null
    /// A JSON string.
    case string(String)
    /// A JSON value that is not a string.
    case nonString(JSONType)

    /// `absent`, `null`, `string(<redacted>)` or `nonString(number)`.
    public var description: String {
        switch self {
        case .absent: "absent"
        case .null: "null"
        case .string: "string(<redacted>)"
        case .nonString(let type): "nonString(\(type.rawValue))"
        }
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with no children, so `dump(_:)` shows only ``description``.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }

    /// The JSON types a member value can wrongly have.
    public enum JSONType: String, Sendable, Hashable, CaseIterable {
        case number, boolean, object, array
    }
}
