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
    /// The value as shown in the message: `nil` for a sensitive member, or
    /// when there is none. A sensitive value is never stored here.
    let shownValue: String?

    /// The member's path in messages, e.g. `userPoolId`.
    public var path: String { member.path }
    /// The constraint's kind.
    public var kind: Constraint.Kind { constraint.kind }
    /// The message part; a violation prints as the service would word it.
    public var description: String { message }

    /// The message part, in Cognito's format. The value of a sensitive member
    /// is never included (`Value at 'username' ...`); an absent one reads
    /// `Value null at ...`.
    public var message: String {
        let shown: String
        if constraint == .required {
            shown = "Value null"
        } else if let shownValue {
            shown = "Value '\(shownValue)'"
        } else {
            shown = "Value"
        }
        return "\(shown) at '\(member.path)' failed to satisfy constraint: Member must \(constraint.requirement)"
    }

    /// Creates the violation of `constraint` by `value` of `member`. Cheap:
    /// the message is built only when asked for.
    init(member: Member, constraint: Constraint, value: String?) {
        self.member = member
        self.constraint = constraint
        self.shownValue = member.isSensitive ? nil : value
    }
}
