/// The constraints a request failed, as flag bits: a byte per member. A
/// trivial value, so recording a verdict allocates and retains nothing.
///
/// ``forEachFailure(_:)`` spells them out in report order (members in the
/// service model's order, then per member required or type, length,
/// pattern, enum), and ``violations(showing:)`` as violations in that
/// order. A caller that renders reports (the linter) reads them here,
/// without building the violations of a report it has rendered before.
@usableFromInline package struct FailedConstraints: Sendable, Hashable {
    /// The kinds each member failed, a byte each at `8 × ordinal`.
    private var flags: UInt64 = 0

    /// What one member failed.
    struct Kinds: OptionSet, Sendable {
        let rawValue: UInt8
        static let required = Kinds(rawValue: 1 << 0)
        static let minLength = Kinds(rawValue: 1 << 1)
        static let maxLength = Kinds(rawValue: 1 << 2)
        static let pattern = Kinds(rawValue: 1 << 3)
        static let allowedValues = Kinds(rawValue: 1 << 4)
        /// The kinds whose messages quote the value.
        static let quotingValue: Kinds = [.minLength, .maxLength, .pattern, .allowedValues]

        /// A JSON type found instead of a string, in bits 5 to 7 (its
        /// index in `MemberValue.JSONType.allCases`, plus one).
        static func type(_ found: MemberValue.JSONType) -> Kinds {
            Kinds(rawValue: UInt8(MemberValue.JSONType.allCases.firstIndex(of: found)! + 1) << 5)
        }

        /// The JSON type found, for a type failure.
        var foundType: MemberValue.JSONType? {
            let index = Int(rawValue >> 5)
            return index == 0 ? nil : MemberValue.JSONType.allCases[index - 1]
        }
    }

    /// No failure.
    package init() {}

    /// Whether nothing failed.
    package var isEmpty: Bool { flags == 0 }

    /// The flag bits: equal exactly when the failures are.
    package var bits: UInt64 { flags }

    /// Whether a member has the wrong JSON type (a `SerializationException`).
    var hasTypeFailure: Bool { flags & 0xE0E0_E0E0_E0E0_E0E0 != 0 }

    /// The error the service answers these failures with; `nil` when there
    /// are none.
    package var errorType: ServiceError? {
        isEmpty ? nil : ServiceError(typeFailure: hasTypeFailure)
    }

    /// Records that `member` failed `kinds`.
    @inline(__always)
    mutating func record(_ kinds: Kinds, of member: Member) {
        flags |= UInt64(kinds.rawValue) << UInt64(8 &* member.ordinal)
    }

    /// What `member` failed.
    func kinds(of member: Member) -> Kinds {
        Kinds(rawValue: UInt8(truncatingIfNeeded: flags >> UInt64(8 &* member.ordinal)))
    }

    /// Whether the messages of `member`'s failures show its value: it is
    /// not sensitive, and failed a constraint whose message quotes it.
    package func showsValue(of member: Member) -> Bool {
        !member.isSensitive && !kinds(of: member).isDisjoint(with: .quotingValue)
    }

    /// The members whose values the messages show (``showsValue(of:)``):
    /// bit `i` stands for `Member.allCases[i]`; `0` for a valid request, or
    /// one that failed only on sensitive members, `required` or types.
    package var shownMembers: UInt8 {
        var shown: UInt8 = 0
        for (index, member) in Member.allCases.enumerated() where showsValue(of: member) { shown |= 1 << UInt8(index) }
        return shown
    }

    /// Calls `body` with each failing member and the constraint it failed,
    /// in report order. Allocates nothing.
    package func forEachFailure(_ body: (Member, Constraint) -> Void) {
        if isEmpty { return }
        for member in Member.allCases {
            let kinds = kinds(of: member)
            if kinds.isEmpty { continue }
            let rules = member.rules
            if kinds.contains(.required) { body(member, .required) }
            if let type = kinds.foundType { body(member, .type(type)) }
            if let length = rules.length {
                if kinds.contains(.minLength) { body(member, .minLength(length.lowerBound)) }
                if kinds.contains(.maxLength) { body(member, .maxLength(length.upperBound)) }
            }
            if kinds.contains(.pattern), let pattern = rules.pattern { body(member, .pattern(pattern)) }
            if kinds.contains(.allowedValues), let allowed = rules.allowedValues { body(member, .allowedValues(allowed)) }
        }
    }

    /// The failures as violations, in report order; `shown` gives the
    /// values that messages show (a sensitive member's is never kept).
    func violations(showing shown: ShownValues) -> [Violation] {
        var violations: [Violation] = []
        forEachFailure { member, constraint in
            let value: String? = switch constraint {
            case .required, .type: nil
            case .minLength, .maxLength, .pattern, .allowedValues: shown[member]
            }
            violations.append(Violation(member: member, constraint: constraint, value: value))
        }
        return violations
    }

    /// The failures as violations, in report order, each member's value
    /// from `value` where its messages show it.
    package func violations(values value: (Member) -> String?) -> [Violation] {
        violations(showing: ShownValues(self, value))
    }
}

/// The values a report's messages show: those of the failing members that
/// are not sensitive. A sensitive member has no slot, so its value cannot
/// be stored.
@usableFromInline struct ShownValues: Sendable {
    private var userPoolId, eventId, feedbackValue: String?

    /// Keeps, of `value(member)` for each member, those `failures` show.
    init(_ failures: FailedConstraints, _ value: (Member) -> String?) {
        for member in Member.allCases where failures.showsValue(of: member) { self[member] = value(member) }
    }

    /// The value shown for `member`, if any.
    subscript(member: Member) -> String? {
        get {
            switch member {
            case .userPoolId: userPoolId
            case .eventId: eventId
            case .feedbackValue: feedbackValue
            case .username, .feedbackToken: nil
            }
        }
        set {
            switch member {
            case .userPoolId: userPoolId = newValue
            case .eventId: eventId = newValue
            case .feedbackValue: feedbackValue = newValue
            case .username, .feedbackToken: break
            }
        }
    }
}
