/// A member of the request structure of `UpdateAuthEventFeedback` or
/// `AdminUpdateAuthEventFeedback`.
///
/// The cases are declared in the service model's order, and this
/// declaration is the one table of that order: the raw value is a member's
/// position in it (``ordinal``), `allCases` lists the members in it, and
/// each operation's ``FeedbackOperation/members`` and the slots a body read
/// keeps them in derive from it. ``wireName`` is the member's name in the
/// JSON body (`UserPoolId`); ``path`` the name Cognito uses in its messages
/// (`userPoolId`).
public enum Member: UInt8, Sendable, Hashable, CaseIterable {
    case userPoolId
    case username
    case eventId
    case feedbackToken
    case feedbackValue

    /// The member's position in the service model's order (its index in
    /// `allCases`).
    @inlinable
    public var ordinal: Int { Int(rawValue) }

    /// The member whose wire name is exactly `wireName`, if any.
    public init?(wireName: String) {
        switch wireName {
        case "UserPoolId": self = .userPoolId
        case "Username": self = .username
        case "EventId": self = .eventId
        case "FeedbackToken": self = .feedbackToken
        case "FeedbackValue": self = .feedbackValue
        default: return nil
        }
    }

    /// The member's name as sent on the wire, e.g. `UserPoolId`.
    public var wireName: String {
        switch self {
        case .userPoolId: "UserPoolId"
        case .username: "Username"
        case .eventId: "EventId"
        case .feedbackToken: "FeedbackToken"
        case .feedbackValue: "FeedbackValue"
        }
    }

    /// The member's path in Cognito's validation messages, e.g. `userPoolId`.
    public var path: String {
        switch self {
        case .userPoolId: "userPoolId"
        case .username: "username"
        case .eventId: "eventId"
        case .feedbackToken: "feedbackToken"
        case .feedbackValue: "feedbackValue"
        }
    }

    /// Whether the service model marks the member `sensitive`: its value is
    /// never shown in messages, descriptions or reports.
    public var isSensitive: Bool { rules.isSensitive }

    /// How a value of this member may be shown in descriptions: quoted, or
    /// `<redacted>` for a sensitive member; `nil` when absent.
    public func displayed(_ value: String?) -> String {
        guard let value else { return "nil" }
        return isSensitive ? "<redacted>" : "\"\(value)\""
    }

    /// Every documented constraint of the member, as in the API reference.
    ///
    /// | member        | length | pattern                             | other           |
    /// |---------------|--------|-------------------------------------|-----------------|
    /// | UserPoolId    | 1...55 | `[\w-]+_[0-9a-zA-Z]+`               |                 |
    /// | Username      | 1...128| `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`      | sensitive       |
    /// | EventId       | 1...50 | `[\w+-]+`                           |                 |
    /// | FeedbackToken | none   | `[A-Za-z0-9-_=.]+`                  | sensitive       |
    /// | FeedbackValue |        |                                     | `Valid`, `Invalid` |
    ///
    /// Every member is required in the operations that have it.
    public var rules: MemberRules {
        switch self {
        case .userPoolId:
            MemberRules(length: 1...55, pattern: .userPoolId)
        case .username:
            MemberRules(length: 1...128, pattern: .username, isSensitive: true)
        case .eventId:
            MemberRules(length: 1...50, pattern: .eventId)
        case .feedbackToken:
            MemberRules(pattern: .feedbackToken, isSensitive: true)
        case .feedbackValue:
            MemberRules(allowedValues: .feedbackValue)
        }
    }
}

/// The constraints the service model places on one member.
public struct MemberRules: Sendable, Hashable {
    /// Inclusive bounds on the length, counted in Unicode scalars; `nil` when
    /// the model sets none.
    public let length: ClosedRange<Int>?
    /// The pattern the whole value must match, if any.
    public let pattern: Pattern?
    /// The enum the value must be one of, if any.
    public let allowedValues: AllowedValues?
    /// Whether the value is secret (`sensitive` trait).
    public let isSensitive: Bool

    /// Creates a rule set: only the service model's, in ``Member/rules``.
    init(
        length: ClosedRange<Int>? = nil,
        pattern: Pattern? = nil,
        allowedValues: AllowedValues? = nil,
        isSensitive: Bool = false
    ) {
        self.length = length
        self.pattern = pattern
        self.allowedValues = allowedValues
        self.isSensitive = isSensitive
    }
}
