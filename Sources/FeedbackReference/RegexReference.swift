import FeedbackRules

/// A slow, obviously correct statement of the rules, to check the engine
/// against: Swift `Regex` matching whole values per Unicode scalar with ASCII
/// `\w`, lengths from `unicodeScalars.count`, the enum compared byte for
/// byte. Used by the differential tests and the differential fuzz target;
/// never by the engine.
///
/// ```swift
/// let reference = RegexReference()
/// reference.violations(.adminUpdateAuthEventFeedback, [.userPoolId: "us-east-1_a"])
/// // [(.username, .required), (.eventId, .required), (.feedbackValue, .required)]
/// ```
@_spi(Benchmarks) public final class RegexReference {
    private let regexes: [Pattern: Regex<AnyRegexOutput>]

    /// Compiles the documented patterns once.
    public init() {
        var regexes: [Pattern: Regex<AnyRegexOutput>] = [:]
        for pattern in Pattern.allCases {
            // The sources are the documented patterns: a failure here is a bug in them.
            regexes[pattern] = try! Regex(pattern.source).matchingSemantics(.unicodeScalar).asciiOnlyWordCharacters()
        }
        self.regexes = regexes
    }

    /// Whether `value` whole-matches `pattern`.
    public func matches(_ pattern: Pattern, _ value: String) -> Bool {
        (try? regexes[pattern]!.wholeMatch(in: value)) != nil
    }

    /// The violations of a request whose members are strings or absent, in
    /// the operation's member order, each member's in the order required,
    /// length, pattern, enum.
    public func violations(_ operation: FeedbackOperation, _ values: [Member: String]) -> [(Member, Constraint.Kind)] {
        var found: [(Member, Constraint.Kind)] = []
        for member in operation.members {
            guard let value = values[member] else { found.append((member, .required)); continue }
            let rules = member.rules
            if let length = rules.length, !length.contains(value.unicodeScalars.count) { found.append((member, .length)) }
            if let pattern = rules.pattern, !matches(pattern, value) { found.append((member, .pattern)) }
            if let allowed = rules.allowedValues, !allowed.values.contains(where: { $0.utf8.elementsEqual(value.utf8) }) {
                found.append((member, .enum))
            }
        }
        return found
    }
}
