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
    /// failure reported.
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
            case .absent, .null: member.check(nil, into: &violations)
            case .string(let string): member.check(string, into: &violations)
            case .nonString: break  // reported above
            }
        }
        return ValidationReport(violations: violations)
    }

    /// Judges a request of strings: the typed requests' path, in one pass.
    /// Allocates nothing when the request is valid. `feedbackToken` is
    /// ignored by the Admin operation.
    func validate(
        userPoolId: String?, username: String?, eventId: String?, feedbackToken: String?, feedbackValue: String?
    ) -> ValidationReport {
        var violations: [Violation] = []
        Member.userPoolId.check(userPoolId, into: &violations)
        Member.username.check(username, into: &violations)
        Member.eventId.check(eventId, into: &violations)
        if self == .updateAuthEventFeedback { Member.feedbackToken.check(feedbackToken, into: &violations) }
        Member.feedbackValue.check(feedbackValue, into: &violations)
        return ValidationReport(violations: violations)
    }
}

extension Member {
    /// Appends a violation per failed constraint of `value` (`nil`: absent).
    func check(_ value: String?, into violations: inout [Violation]) {
        guard let value else {
            violations.append(Violation(member: self, constraint: .required, value: nil))
            return
        }
        let rules = self.rules
        let scan = rules.pattern?.scan(value)
        if let length = rules.length {
            let scalars = scan?.scalarCount ?? value.unicodeScalars.count
            if scalars < length.lowerBound {
                violations.append(Violation(member: self, constraint: .minLength(length.lowerBound), value: value))
            } else if scalars > length.upperBound {
                violations.append(Violation(member: self, constraint: .maxLength(length.upperBound), value: value))
            }
        }
        if let pattern = rules.pattern, let scan, !scan.matches {
            violations.append(Violation(member: self, constraint: .pattern(pattern), value: value))
        }
        if let allowedValues = rules.allowedValues, !allowedValues.contains(value) {
            violations.append(Violation(member: self, constraint: .allowedValues(allowedValues), value: value))
        }
    }
}
