/// The input of `AdminUpdateAuthEventFeedback`, named as in the AWS SDKs.
///
/// The same members as ``UpdateAuthEventFeedbackRequest`` but no
/// `FeedbackToken`: the call is authorized by IAM instead.
public struct AdminUpdateAuthEventFeedbackRequest: FeedbackRequest, Sendable, Hashable, Codable,
    CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable
{
    /// The operation: `AdminUpdateAuthEventFeedback`.
    public static var operation: FeedbackOperation { .adminUpdateAuthEventFeedback }

    /// `UserPoolId`: 1...55 scalars, `[\w-]+_[0-9a-zA-Z]+`.
    public var userPoolId: String?
    /// `Username` (sensitive): 1...128 scalars, `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`.
    public var username: String?
    /// `EventId`: 1...50 scalars, `[\w+-]+`.
    public var eventId: String?
    /// `FeedbackValue`: `Valid` or `Invalid` (any other string is kept, and fails the enum).
    public var feedbackValue: FeedbackValue?

    /// Creates a request; omitted members are absent.
    public init(
        userPoolId: String? = nil, username: String? = nil, eventId: String? = nil,
        feedbackValue: FeedbackValue? = nil
    ) {
        self.userPoolId = userPoolId
        self.username = username
        self.eventId = eventId
        self.feedbackValue = feedbackValue
    }

    /// Judges the request as the service would; see ``FeedbackRequest/validate()``.
    /// (Its own, not the protocol's default: specialised for this type.)
    public func validate() -> ValidationReport {
        Self.operation.validate(self)
    }

    /// The value of `member`; `nil` for `FeedbackToken`, which the operation lacks.
    public subscript(member: Member) -> String? {
        switch member {
        case .userPoolId: userPoolId
        case .username: username
        case .eventId: eventId
        case .feedbackToken: nil
        case .feedbackValue: feedbackValue?.rawValue
        }
    }

    /// Wire names: the JSON body uses PascalCase keys.
    enum CodingKeys: String, CodingKey {
        case userPoolId = "UserPoolId", username = "Username", eventId = "EventId"
        case feedbackValue = "FeedbackValue"
    }
}
