/// One failed constraint of one member, with its part of Cognito's message.
///
/// ```swift
/// let violation = report.violations[0]
/// violation.member       // .userPoolId ("UserPoolId" on the wire)
/// violation.path         // "userPoolId"
/// violation.kind         // .pattern
/// violation.message      // "Value 'eu-west-1' at 'userPoolId' failed to satisfy constraint: ..."
/// ```
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// The member that failed.
    public let member: Member
    /// The constraint it failed.
    public let constraint: Constraint
    /// The message part, in Cognito's format. The value of a sensitive member
    /// is never included (`Value at 'username' ...`); an absent one reads
    /// `Value null at ...`.
    public let message: String

    /// The member's path in messages, e.g. `userPoolId`.
    public var path: String { member.path }
    /// The constraint's kind.
    public var kind: Constraint.Kind { constraint.kind }
    /// The message part; a violation prints as the service would word it.
    public var description: String { message }

    /// Creates the violation of `constraint` by `value` of `member`.
    init(member: Member, constraint: Constraint, value: String?) {
        self.member = member
        self.constraint = constraint
        let shown: String
        if constraint == .required {
            shown = "Value null"
        } else if member.isSensitive || value == nil {
            shown = "Value"
        } else {
            shown = "Value '\(value!)'"
        }
        self.message = "\(shown) at '\(member.path)' failed to satisfy constraint: Member must \(constraint.requirement)"
    }
}
