import FeedbackRules

/// The rules results are filed under, in the machine-readable formats: one
/// per constraint of each member (`Username/length`, `UserPoolId/pattern`,
/// `FeedbackValue/enum`, and `<member>/required`, `<member>/type` for
/// every member), and one for input that cannot be judged.
struct LintRule: Sendable {
    /// `Username/length`.
    let id: String
    /// What the rule requires, in one sentence.
    let summary: String

    /// The rule of input that is not a JSON object at all.
    static let unusableInput = "input/unusable"

    /// The id of the rule `violation` breaks.
    static func id(of violation: Violation) -> String {
        "\(violation.member.wireName)/\(violation.kind.rawValue)"
    }

    /// Every rule of `operation`, members in the service model's order;
    /// unusable input last.
    static func all(for operation: FeedbackOperation) -> [LintRule] {
        var rules: [LintRule] = []
        for member in operation.members {
            let name = member.wireName
            rules.append(LintRule(id: "\(name)/required", summary: "\(name) is required: it must be present and not null."))
            rules.append(LintRule(id: "\(name)/type", summary: "\(name) must be a JSON string."))
            if let length = member.rules.length {
                rules.append(LintRule(id: "\(name)/length",
                                      summary: "\(name) must have \(length.lowerBound) to \(length.upperBound) Unicode scalars."))
            }
            if let pattern = member.rules.pattern {
                rules.append(LintRule(id: "\(name)/pattern",
                                      summary: "\(name) must match the regular expression \(pattern.source) as a whole."))
            }
            if let allowed = member.rules.allowedValues {
                rules.append(LintRule(id: "\(name)/enum", summary: "\(name) must be one of \(allowed.messageList)."))
            }
        }
        rules.append(LintRule(id: unusableInput,
                              summary: "The input must be UTF-8 JSON text holding a JSON object (RFC 8259, strict)."))
        return rules
    }
}
