/// A request of `UpdateAuthEventFeedback` or `AdminUpdateAuthEventFeedback`,
/// as any type can hold it: the library's own request types, or yours (a
/// Soto- or aws-sdk-swift-like input type).
///
/// Conform by naming the operation and giving each member's value; you get
/// ``validate()`` and ``validated()`` for free, and nothing else is forced
/// on your type (no `Codable`, no `Hashable`):
///
/// ```swift
/// struct MyFeedbackInput: FeedbackRequest {
///     static var operation: FeedbackOperation { .updateAuthEventFeedback }
///     var poolId, user, event, token, value: String?
///     subscript(member: Member) -> String? {
///         switch member {
///         case .userPoolId: poolId
///         case .username: user
///         case .eventId: event
///         case .feedbackToken: token
///         case .feedbackValue: value
///         }
///     }
/// }
/// try MyFeedbackInput(...).validated()   // throws InvalidRequest
/// ```
public protocol FeedbackRequest {
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
    /// Judges the request as the service would, through its members' values.
    public func validate() -> ValidationReport {
        Self.operation.validate(self)
    }

    /// The request itself when the service would accept it.
    ///
    /// ```swift
    /// do {
    ///     try request.validated()
    /// } catch {
    ///     error.errorType   // .invalidParameter
    ///     error.message     // "1 validation error detected: ..."
    /// }
    /// ```
    ///
    /// - Throws: ``InvalidRequest``, carrying the report, its error type and
    ///   the service's message, when it would not.
    @discardableResult
    public func validated() throws(InvalidRequest) -> Self {
        let report = validate()
        guard report.isValid else { throw InvalidRequest(report) }
        return self
    }
}

extension FeedbackRequest {
    /// `TypeName(userPoolId: "…", username: <redacted>, …)`.
    var redactedDescription: String {
        let fields = Self.operation.members.map { "\($0.path): \($0.displayed(self[$0]))" }
        return "\(Self.self)(" + fields.joined(separator: ", ") + ")"
    }
}

extension FeedbackRequest where Self: CustomStringConvertible {
    /// `TypeName(userPoolId: "…", username: <redacted>, …)`: sensitive
    /// values never show.
    public var description: String { redactedDescription }
}

extension FeedbackRequest where Self: CustomDebugStringConvertible {
    /// The same as `description`: sensitive values stay hidden.
    public var debugDescription: String { redactedDescription }
}

extension FeedbackRequest where Self: CustomReflectable {
    /// A mirror whose sensitive children read `<redacted>`, for `dump(_:)`
    /// and debuggers.
    public var customMirror: Mirror {
        let children = Self.operation.members.map { member -> Mirror.Child in
            (label: member.path, value: member.isSensitive ? member.displayed(self[member]) as Any : self[member] as Any)
        }
        return Mirror(self, children: children, displayStyle: .struct)
    }
}
