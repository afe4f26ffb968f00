import FeedbackRules

extension JSONValue {
    /// What this value means for a request member.
    public var memberValue: MemberValue {
        switch self {
        case .null: .null
        case .string(let string): .string(string)
        case .bool: .nonString(.boolean)
        case .number: .nonString(.number)
        case .array: .nonString(.array)
        case .object: .nonString(.object)
        }
    }
}
