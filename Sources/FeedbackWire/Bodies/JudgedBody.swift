import FeedbackRules

/// A body's bytes judged as `FeedbackOperation.validate(json:)`
/// judges them, with the members' values when the body is valid: what a
/// server acting on a request needs, read in one pass.
///
/// ```swift
/// let judged = try FeedbackOperation.updateAuthEventFeedback.judge(json: bytes)
/// if judged.report.isValid, let eventId = judged[.eventId] { … }
/// ```
///
/// Its descriptions and mirror show `Username` and `FeedbackToken` as
/// `<redacted>`, as ``RequestBody``'s do.
public struct JudgedBody: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The engine's report: the same as `validate(json:)`'s.
    public let report: ValidationReport
    /// By member ordinal; empty unless the body is valid.
    private let values: [String?]

    init(report: ValidationReport, values: [String?]) {
        self.report = report
        self.values = values
    }

    /// The string `member` holds in a valid body; `nil` when the body is
    /// invalid, or the member is absent, `null` or not the operation's.
    public subscript(member: Member) -> String? {
        values.isEmpty ? nil : values[member.ordinal]
    }

    /// The members the body holds, each as `Member.displayed(_:)` shows it.
    private var shown: [(label: String, value: String)] {
        Member.allCases.compactMap { member in self[member].map { (member.wireName, member.displayed($0)) } }
    }

    /// `JudgedBody(valid, UserPoolId: "us-east-1_A", Username: <redacted>, …)`.
    public var description: String {
        "JudgedBody(" + ([report.description] + shown.map { "\($0.label): \($0.value)" }).joined(separator: ", ") + ")"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror of the report and the members, sensitive ones `<redacted>`.
    public var customMirror: Mirror {
        Mirror(self, children: [(label: "report", value: report as Any)] + shown.map { (label: $0.label, value: $0.value as Any) },
               displayStyle: .struct)
    }
}

extension FeedbackOperation {
    /// Judges a body's bytes as `validate(json:)` does (only the
    /// operation's members kept, then judged where they lie) and, when the
    /// body is valid, keeps each member's value.
    ///
    /// - Throws: ``JSONError`` when the bytes are not a JSON object at all.
    public func judge(json bytes: some Sequence<UInt8>) throws(JSONError) -> JudgedBody {
        try JSONValue.withBuffer(bytes) { buffer throws(JSONError) in
            let kept = try JSONReader.parseObject(buffer, keeping: memberKeys)
            let report = validate(kept)
            guard report.isValid else { return JudgedBody(report: report, values: []) }
            return JudgedBody(report: report, values: Member.allCases.map { member in
                slot(of: member).flatMap { kept.string(at: $0) }
            })
        }
    }
}
