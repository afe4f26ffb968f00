/// What a JSON request body holds for one member.
///
/// The typed request structs can only say "absent" or "a string"; a wire body
/// can also hold `null` (which the service treats as absent) or a value of
/// the wrong JSON type (which the service rejects while deserializing, with a
/// `SerializationException`, before any constraint is checked).
public enum MemberValue: Sendable, Hashable {
    /// The key is not in the body.
    case absent
    /// The key is present with the JSON value `null`.
    case null
    /// A JSON string.
    case string(String)
    /// A JSON value that is not a string.
    case nonString(JSONType)

    /// `.string(value)`, or `.absent` for `nil`.
    @inlinable
    public init(_ value: String?) {
        self = value.map(MemberValue.string) ?? .absent
    }

    /// The JSON types a member value can wrongly have.
    public enum JSONType: String, Sendable, Hashable, CaseIterable {
        case number, boolean, object, array
    }
}
