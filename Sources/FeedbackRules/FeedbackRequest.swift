/// What the two request types share: their operation, member access,
/// validation, and descriptions that never show a sensitive value.
///
/// `description`, `debugDescription`, `dump(_:)` and string interpolation
/// show `Username` and `FeedbackToken` as `<redacted>` (or `nil`).
public protocol FeedbackRequest: Sendable, Hashable, Codable,
    CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable
{
    /// The operation this request is the input of.
    static var operation: FeedbackOperation { get }
    /// The value of `member`, or `nil` when absent or not a member of the
    /// operation.
    subscript(member: Member) -> String? { get }

    /// Judges the request as the service would.
    ///
    /// ```swift
    /// let request = UpdateAuthEventFeedbackRequest(
    ///     userPoolId: "us-east-1_EXAMPLE", username: "alice", eventId: "e-1",
    ///     feedbackToken: "abc.def=", feedbackValue: "valid")
    /// request.validate().message
    /// // "1 validation error detected: Value 'valid' at 'feedbackValue' failed to
    /// //  satisfy constraint: Member must satisfy enum value set: [Valid, Invalid]"
    /// ```
    ///
    /// Validating allocates nothing, valid or not; the report's
    /// ``ValidationReport/violations`` and ``ValidationReport/message`` are
    /// built when read.
    func validate() -> ValidationReport
}

extension FeedbackRequest {
    /// `TypeName(userPoolId: "…", username: <redacted>, …)`.
    public var description: String {
        let fields = Self.operation.members.map { "\($0.path): \($0.displayed(self[$0]))" }
        return "\(Self.self)(" + fields.joined(separator: ", ") + ")"
    }

    /// The same as ``description``: sensitive values stay hidden.
    public var debugDescription: String { description }

    /// A mirror whose sensitive children read `<redacted>`, for `dump(_:)`
    /// and debuggers.
    public var customMirror: Mirror {
        let children = Self.operation.members.map { member -> Mirror.Child in
            (label: member.path, value: member.isSensitive ? member.displayed(self[member]) as Any : self[member] as Any)
        }
        return Mirror(self, children: children, displayStyle: .struct)
    }
}
