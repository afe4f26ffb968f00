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

    /// Whether `value` is exactly one of the values: byte for byte, since
    /// String's `==` would apply canonical equivalence.
    @inline(__always)
    public func contains(_ value: String) -> Bool {
        value.withUTF8Bytes { contains(utf8: $0) }
    }

    /// Whether the UTF-8 `bytes` are exactly one of the values.
    @inline(__always)
    func contains(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .feedbackValue: Self.equal(bytes, "Valid") || Self.equal(bytes, "Invalid")
        }
    }

    @inline(__always)
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        var index = 0
        while index < bytes.count && bytes[index] == literal.utf8Start[index] { index &+= 1 }
        return index == bytes.count
    }
}
