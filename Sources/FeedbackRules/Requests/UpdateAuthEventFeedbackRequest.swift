/// The input of `UpdateAuthEventFeedback`, named as in the AWS SDKs.
///
/// Every member is optional so that absent members can be expressed; the
/// service requires all five.
public struct UpdateAuthEventFeedbackRequest: FeedbackRequest, Sendable, Hashable, Codable,
    CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable
{
    /// The operation: `UpdateAuthEventFeedback`.
    public static var operation: FeedbackOperation { .updateAuthEventFeedback }

    /// `UserPoolId`: 1...55 scalars, `[\w-]+_[0-9a-zA-Z]+`.
    public var userPoolId: String?
    /// `Username` (sensitive): 1...128 scalars, `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`.
    public var username: String?
    /// `EventId`: 1...50 scalars, `[\w+-]+`.
    public var eventId: String?
    /// `FeedbackToken` (sensitive): `[A-Za-z0-9-_=.]+`, no length limit.
    public var feedbackToken: String?
    /// `FeedbackValue`: `Valid` or `Invalid` (any other string is kept, and fails the enum).
    public var feedbackValue: FeedbackValue?

    /// Creates a request; omitted members are absent.
    public init(
        userPoolId: String? = nil, username: String? = nil, eventId: String? = nil,
        feedbackToken: String? = nil, feedbackValue: FeedbackValue? = nil
    ) {
        self.userPoolId = userPoolId
        self.username = username
        self.eventId = eventId
        self.feedbackToken = feedbackToken
        self.feedbackValue = feedbackValue
    }

    /// Judges the request as the service would; see ``FeedbackRequest/validate()``.
    /// (Its own, not the protocol's default: specialised for this type.)
    public func validate() -> ValidationReport {
        Self.operation.validate(self)
    }

    /// The value of `member`.
    public subscript(member: Member) -> String? {
        switch member {
        case .userPoolId: userPoolId
        case .username: username
        case .eventId: eventId
        case .feedbackToken: feedbackToken
        case .feedbackValue: feedbackValue?.rawValue
        }
    }

    /// Wire names: the JSON body uses PascalCase keys.
    enum CodingKeys: String, CodingKey {
        case userPoolId = "UserPoolId", username = "Username", eventId = "EventId"
        case feedbackToken = "FeedbackToken", feedbackValue = "FeedbackValue"
    }
}
