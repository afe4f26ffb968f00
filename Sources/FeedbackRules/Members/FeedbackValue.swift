/// The `FeedbackValue` member: `Valid` or `Invalid`, or any other string,
/// which the service refuses (a request holding one can still be built, so
/// that it can be linted).
///
/// ```swift
/// let value: FeedbackValue = .invalid          // "Invalid"
/// let typed: FeedbackValue = "valid"            // any string: fails the enum
/// FeedbackValue(rawValue: input).isDocumented  // false for "valid"
/// ```
public struct FeedbackValue: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The value as sent on the wire.
    public var rawValue: String

    /// Any string, documented or not.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// `Valid`: the event was the user's own.
    public static let valid = FeedbackValue(rawValue: "Valid")
    /// `Invalid`: the event was not the user's (the email's "this wasn't me").
    public static let invalid = FeedbackValue(rawValue: "Invalid")

    /// Whether the value is one of the documented ones, byte for byte.
    public var isDocumented: Bool { AllowedValues.feedbackValue.contains(rawValue) }

    /// The raw value.
    public var description: String { rawValue }
}
