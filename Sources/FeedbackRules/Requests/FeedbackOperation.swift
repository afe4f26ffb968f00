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

    private static let updateMembers = Member.allCases.filter(FeedbackOperation.updateAuthEventFeedback.has)
    private static let adminMembers = Member.allCases.filter(FeedbackOperation.adminUpdateAuthEventFeedback.has)

    /// Whether the operation has `member`. The operations differ in one
    /// member: `AdminUpdateAuthEventFeedback` has no `FeedbackToken` (the
    /// caller's credentials stand for it).
    @inlinable @inline(__always)
    public func has(_ member: Member) -> Bool {
        member != .feedbackToken || self == .updateAuthEventFeedback
    }

    /// The position of `member` in ``members``, or `nil` when the operation
    /// has no such member: its ``Member/ordinal``, less one after a member
    /// the operation lacks.
    @inlinable @inline(__always)
    public func position(of member: Member) -> Int? {
        guard has(member) else { return nil }
        return has(.feedbackToken) || member.ordinal < Member.feedbackToken.ordinal ? member.ordinal : member.ordinal - 1
    }

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
        ValidationReport(failures(value)) { member in
            if case .string(let string) = value(member) { string } else { nil }
        }
    }

    /// The constraints a request fails, given each member's value: what
    /// ``validate(_:)`` reports.
    package func failures(_ value: (Member) -> MemberValue) -> FailedConstraints {
        var typeFailures = FailedConstraints(), constraintFailures = FailedConstraints()
        for member in members {
            switch value(member) {
            case .absent, .null: constraintFailures.record(member.failures(of: nil), of: member)
            case .string(let string): constraintFailures.record(member.failures(of: string), of: member)
            case .nonString(let type): typeFailures.record(.type(type), of: member)
            }
        }
        // Deserialization fails first: then no constraint is reported.
        return typeFailures.isEmpty ? constraintFailures : typeFailures
    }

    /// The constraints a request fails, given its members as UTF-8 where
    /// its caller holds them, such as a JSON reader's input: no `String` is
    /// made. The same judgement as a typed request's
    /// ``FeedbackRequest/validate()``, member by member.
    package func failures(of request: MemberBytes) -> FailedConstraints {
        // Written out, so that each member's rules fold into constants (a
        // loop or a closure per member costs the engine 14 % to 33 % more
        // instructions: Benchmarks/gate.sh). The order of the calls does not
        // matter: the record is a set, reported in `Member`'s order.
        var failures = FailedConstraints()
        failures.record(Member.userPoolId.failures(utf8: request.userPoolId), of: .userPoolId)
        failures.record(Member.username.failures(utf8: request.username), of: .username)
        failures.record(Member.eventId.failures(utf8: request.eventId), of: .eventId)
        if has(.feedbackToken) {
            failures.record(Member.feedbackToken.failures(utf8: request.feedbackToken), of: .feedbackToken)
        }
        failures.record(Member.feedbackValue.failures(utf8: request.feedbackValue), of: .feedbackValue)
        return failures
    }

    /// Judges a typed request: one pass over each value, each member's
    /// rules folded into its own code. Allocates nothing, valid or not.
    func validate<Request: FeedbackRequest>(_ request: Request) -> ValidationReport {
        // Written out, as in `failures(of:)` above.
        var failures = FailedConstraints()
        failures.record(Member.userPoolId.failures(of: request[.userPoolId]), of: .userPoolId)
        failures.record(Member.username.failures(of: request[.username]), of: .username)
        failures.record(Member.eventId.failures(of: request[.eventId]), of: .eventId)
        if has(.feedbackToken) {
            failures.record(Member.feedbackToken.failures(of: request[.feedbackToken]), of: .feedbackToken)
        }
        failures.record(Member.feedbackValue.failures(of: request[.feedbackValue]), of: .feedbackValue)
        return ValidationReport(failures) { request[$0] }
    }
}

extension Member {
    /// The constraints `value` fails (`nil`: absent). Inlined where the
    /// member is known, so that its rules fold into constants.
    @inline(__always)
    func failures(of value: String?) -> FailedConstraints.Kinds {
        guard let value else { return .required }
        return failures(scan: rules.pattern?.scan(value), scalarCount: { value.unicodeScalars.count },
                        isAllowed: { $0.contains(value) })
    }

    /// The constraints the well-formed UTF-8 `bytes` fail (`nil`: absent),
    /// as ``failures(of:)`` judges a string of them. Inlined where the
    /// member is known.
    @inline(__always)
    func failures(utf8 bytes: UnsafeBufferPointer<UInt8>?) -> FailedConstraints.Kinds {
        guard let bytes else { return .required }
        return failures(scan: rules.pattern?.scan(utf8: bytes), scalarCount: { PatternScanner.scalarCount(bytes, from: 0) },
                        isAllowed: { $0.contains(utf8: bytes) })
    }

    /// The one definition of a present value's judgement, whoever holds
    /// the value: `scan` is its pattern's scan (when the member has a
    /// pattern), `scalarCount` its length in Unicode scalars, `isAllowed`
    /// whether an enum holds it. Each entry passes its own access to the
    /// same matchers (``Pattern``, ``AllowedValues``), so the String entry
    /// keeps its code, and the byte entry makes no String.
    @inline(__always)
    private func failures(scan: Pattern.Scan?, scalarCount: () -> Int,
                          isAllowed: (AllowedValues) -> Bool) -> FailedConstraints.Kinds {
        let rules = self.rules
        var failed: FailedConstraints.Kinds = []
        if let length = rules.length {
            let scalars = scan?.scalarCount ?? scalarCount()
            if scalars < length.lowerBound {
                failed.insert(.minLength)
            } else if scalars > length.upperBound {
                failed.insert(.maxLength)
            }
        }
        if let scan, !scan.matches { failed.insert(.pattern) }
        if let allowedValues = rules.allowedValues, !isAllowed(allowedValues) { failed.insert(.allowedValues) }
        return failed
    }
}
