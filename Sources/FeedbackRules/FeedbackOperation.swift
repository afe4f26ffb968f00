/// The two operations, with their members and the validation they share.
public enum FeedbackOperation: String, Sendable, Hashable, CaseIterable, Codable {
    /// `UpdateAuthEventFeedback`: unauthenticated, carries a `FeedbackToken`.
    case updateAuthEventFeedback = "UpdateAuthEventFeedback"
    /// `AdminUpdateAuthEventFeedback`: SigV4-signed, no `FeedbackToken`.
    case adminUpdateAuthEventFeedback = "AdminUpdateAuthEventFeedback"

    /// The operation's members, in the service model's order; all required.
    /// Any other key in a body is ignored, as awsJson1.1 servers do.
    public var members: [Member] {
        switch self {
        case .updateAuthEventFeedback: Self.updateMembers
        case .adminUpdateAuthEventFeedback: Self.adminMembers
        }
    }

    private static let updateMembers: [Member] = [.userPoolId, .username, .eventId, .feedbackToken, .feedbackValue]
    private static let adminMembers: [Member] = [.userPoolId, .username, .eventId, .feedbackValue]

    /// The `X-Amz-Target` header value.
    public var target: String { "AWSCognitoIdentityProviderService." + rawValue }

    /// Judges a request given each member's value, as the service would.
    ///
    /// A member of the wrong JSON type stops the judgement at
    /// deserialization (`SerializationException`, type violations only);
    /// otherwise every constraint of every member is checked and every
    /// failure reported. A valid request allocates nothing.
    ///
    /// - Parameter value: the value of each of ``members``.
    public func validate(_ value: (Member) -> MemberValue) -> ValidationReport {
        var violations: [Violation] = []
        for member in members {
            if case .nonString(let type) = value(member) {
                violations.append(Violation(member: member, constraint: .type(type), value: nil))
            }
        }
        if !violations.isEmpty { return ValidationReport(violations: violations) }
        for member in members {
            switch value(member) {
            case .absent, .null:
                violations.append(Violation(member: member, constraint: .required, value: nil))
            case .string(let string):
                member.rules.check(string, of: member, into: &violations)
            case .nonString:
                break  // reported above
            }
        }
        return ValidationReport(violations: violations)
    }
}

extension MemberRules {
    /// Appends a violation per failed constraint of `value`.
    func check(_ value: String, of member: Member, into violations: inout [Violation]) {
        let scan = pattern?.scan(value)
        if let length {
            let scalars = scan?.scalarCount ?? value.unicodeScalars.count
            if scalars < length.lowerBound {
                violations.append(Violation(member: member, constraint: .minLength(length.lowerBound), value: value))
            } else if scalars > length.upperBound {
                violations.append(Violation(member: member, constraint: .maxLength(length.upperBound), value: value))
            }
        }
        if let pattern, let scan, !scan.matches {
            violations.append(Violation(member: member, constraint: .pattern(pattern), value: value))
        }
        if let allowedValues, !allowedValues.contains(value) {
            violations.append(Violation(member: member, constraint: .allowedValues(allowedValues), value: value))
        }
    }
}
