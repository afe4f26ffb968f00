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
            // Byte comparison: String's == would apply canonical equivalence.
            value.utf8.elementsEqual("Valid".utf8) || value.utf8.elementsEqual("Invalid".utf8)
        }
    }
}
