import FeedbackRules
import FeedbackWire

/// `--format sarif`: a SARIF 2.1.0 log with one run, for code scanning.
/// The tool is `cognito-feedback` with its version and one rule per
/// constraint (``LintRule``); each result is at the file, line and column
/// of the member's value (of the body when the member is absent; of the
/// error for unusable input). Columns count Unicode scalars
/// (`"columnKind": "unicodeCodePoints"`), from 1.
///
/// The log is written as results come, so memory stays flat: ``header``,
/// results each starting with a comma (the first one's dropped), ``footer``.
struct SARIFResults: ResultRenderer {
    static var locatesValues: Bool { true }
    private let operation: FeedbackOperation
    /// `"artifactLocation":{"uri":"…"}`.
    private let artifact: [UInt8]
    private let ruleIndexes: [String: Int]
    /// Per violation: from `,{"ruleId"` to `"startLine":`.
    private let starts = RenderCache<[[UInt8]]>()

    init(_ context: RenderContext) {
        operation = context.operation
        var artifact: [UInt8] = []
        artifact.append(#""artifactLocation":{"uri":"#)
        JSONResults.writeString(Self.uri(of: context.input), to: &artifact)
        artifact.append("}")
        self.artifact = artifact
        ruleIndexes = Dictionary(uniqueKeysWithValues: LintRule.all(for: context.operation).enumerated().map { ($1.id, $0) })
    }

    mutating func valid(at place: ResultPlace, into out: ResultBuffer) {}

    mutating func invalid(_ failures: FailedConstraints, answered errorType: ServiceError, at place: ResultPlace, kept: KeptMembers, into out: ResultBuffer) {
        let (ruleIndexes, artifact) = (ruleIndexes, artifact)
        let starts = starts.rendering(of: failures, kept: kept, operation: operation) { violations in
            violations.map { violation in
                Self.resultStart(rule: LintRule.id(of: violation), message: "\(errorType.rawValue): \(violation.message)",
                                        ruleIndexes: ruleIndexes, artifact: artifact)
            }
        }
        var index = 0
        failures.forEachFailure { member, _ in
            out.append(starts[index])
            finish(at: Self.location(of: member, in: kept, operation: operation), into: out)
            index += 1
        }
    }

    mutating func unusable(_ reason: String, at place: ResultPlace, into out: ResultBuffer) {
        out.append(Self.resultStart(rule: LintRule.unusableInput, message: reason, ruleIndexes: ruleIndexes, artifact: artifact,
                                located: place.line != nil))
        guard let line = place.line else { return }
        finish(at: TextLocation(line: line, column: place.column ?? 1), into: out)
    }

    /// A result up to its region's start line (or whole, when `located` is false).
    private static func resultStart(rule: String, message: String, ruleIndexes: [String: Int], artifact: [UInt8],
                                    located: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.append(#",{"ruleId":"#)
        JSONResults.writeString(rule, to: &out)
        out.append(#","ruleIndex":"#)
        out.appendDecimal(ruleIndexes[rule] ?? 0)
        out.append(#","level":"error","message":{"text":"#)
        JSONResults.writeString(message, to: &out)
        out.append(#"},"locations":[{"physicalLocation":{"#)
        out += artifact
        if located {
            out.append(#","region":{"startLine":"#)
        } else {
            out.append("}}]}\n")
        }
        return out
    }

    private func finish(at location: TextLocation, into out: ResultBuffer) {
        out.appendDecimal(location.line)
        out.append(#","startColumn":"#)
        out.appendDecimal(location.column)
        out.append("}}}]}\n")
    }

    /// The log up to its first result.
    static func header(operation: FeedbackOperation, toolVersion: String) -> [UInt8] {
        var out: [UInt8] = []
        out.append(#"{"$schema":"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json","#)
        out.append(#""version":"2.1.0","runs":[{"tool":{"driver":{"name":"cognito-feedback","version":"#)
        JSONResults.writeString(toolVersion, to: &out)
        out.append(#","rules":["#)
        for (index, rule) in LintRule.all(for: operation).enumerated() {
            out.append(index == 0 ? #"{"id":"# : #",{"id":"#)
            JSONResults.writeString(rule.id, to: &out)
            out.append(#","shortDescription":{"text":"#)
            JSONResults.writeString(rule.summary, to: &out)
            out.append(#"},"defaultConfiguration":{"level":"error"}}"#)
        }
        out.append(#"]}},"columnKind":"unicodeCodePoints","results":[\#n"#)
        return out
    }

    /// The log after its last result.
    static let footer: [UInt8] = Array("]}]}\n".utf8)

    /// A URI reference for an input: a relative path as is, an absolute one
    /// as a `file:` URI, both percent-encoded; standard input as `stdin`.
    static func uri(of input: InputName) -> String {
        guard !input.isStandardInput else { return "stdin" }
        var out = input.display.hasPrefix("/") ? "file://" : ""
        for byte in input.display.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
