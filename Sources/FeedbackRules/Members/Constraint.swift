/// A documented constraint that a member value failed.
public enum Constraint: Sendable, Hashable {
    /// The member is required but absent or `null`.
    case required
    /// The value has fewer Unicode scalars than the minimum.
    case minLength(Int)
    /// The value has more Unicode scalars than the maximum.
    case maxLength(Int)
    /// The whole value does not match the pattern.
    case pattern(Pattern)
    /// The value is not one of the enum's values.
    case allowedValues(AllowedValues)
    /// The JSON value is not a string (found the given type).
    case type(MemberValue.JSONType)

    /// The constraint's kind, as named in reports and vectors.
    public var kind: Kind {
        switch self {
        case .required: .required
        case .minLength, .maxLength: .length
        case .pattern: .pattern
        case .allowedValues: .enum
        case .type: .type
        }
    }

    /// The kinds of constraint: `required`, `length`, `pattern`, `enum`, `type`.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
        case required, length, pattern, `enum`, type

        /// The kind's name, as in reports and vectors: `pattern`.
        public var description: String { rawValue }
    }

    /// What the member must do, as Cognito words it after "Member must ".
    var requirement: String {
        switch self {
        case .required: "not be null"
        case .minLength(let n): "have length greater than or equal to \(n)"
        case .maxLength(let n): "have length less than or equal to \(n)"
        case .pattern(let p): "satisfy regular expression pattern: \(p.source)"
        case .allowedValues(let v): "satisfy enum value set: \(v.messageList)"
        case .type(let found): "be a string, not a JSON \(found.rawValue)"
        }
    }
}
