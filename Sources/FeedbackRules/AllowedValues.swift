/// A documented enum: the exact strings a member may take.
///
/// Values are compared byte for byte (no case folding, no canonical
/// equivalence), as the service does: `valid` is not `Valid`.
public enum AllowedValues: Sendable, Hashable, CaseIterable {
    /// `FeedbackValueType`: `Valid` or `Invalid`.
    case feedbackValue

    /// The values, in the service model's order.
    public var values: [String] {
        switch self {
        case .feedbackValue: ["Valid", "Invalid"]
        }
    }

    /// The value set as Cognito writes it in messages: `[Valid, Invalid]`.
    public var messageList: String {
        "[" + values.joined(separator: ", ") + "]"
    }

    /// Whether `value` is exactly one of the values.
    @inlinable
    public func contains(_ value: String) -> Bool {
        switch self {
        case .feedbackValue:
            Self.bytesEqual(value, "Valid") || Self.bytesEqual(value, "Invalid")
        }
    }

    /// Byte equality: String's `==` would apply canonical equivalence.
    @usableFromInline
    static func bytesEqual(_ value: String, _ literal: StaticString) -> Bool {
        guard value.utf8.count == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        return value.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count && bytes[index] == expected[index] { index &+= 1 }
            return index == bytes.count
        } ?? value.utf8.elementsEqual(UnsafeBufferPointer(start: expected, count: literal.utf8CodeUnitCount))
    }
}
