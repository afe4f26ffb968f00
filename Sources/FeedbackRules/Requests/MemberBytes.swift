/// A request's members as UTF-8 in its caller's memory (a JSON reader's
/// input, say), for ``FeedbackOperation/failures(of:)``: judged where
/// they lie, no `String` made.
///
/// Each value must be well-formed UTF-8 (the scanners decode without
/// bounds checks past a lead byte) and stay valid while it is judged;
/// `nil` is an absent or `null` member.
package struct MemberBytes {
    package var userPoolId, username, eventId, feedbackToken, feedbackValue: UnsafeBufferPointer<UInt8>?

    /// No member.
    package init() {}

}
