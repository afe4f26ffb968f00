import FeedbackRules
import FeedbackWire

/// `--format json`: one object per line and body, for programs.
///
/// ```
/// {"file":"b.jsonl","line":2,"valid":false,"errorType":"InvalidParameterException","message":"1 validation error detected: ...","violations":[{"member":"FeedbackValue","path":"feedbackValue","constraint":"enum","message":"..."}]}
/// {"file":"b.jsonl","line":4,"column":1,"valid":null,"error":"not valid JSON (at byte 0)"}
/// ```
///
/// `line` is there for a JSON Lines body, `line` and `column` for an
/// array element and an unusable input. Strings escape U+2028 and U+2029
/// too, so a JavaScript reader sees one result per line.
struct JSONResults: ResultRenderer {
    static var locatesValues: Bool { false }
    /// `{"file":"<name>"`.
    private let head: [UInt8]
    /// `{"file":"<name>","line":<line>`: most results have a line.
    private let headWithLine: LineLabel
    private let quiet: Bool
    private let operation: FeedbackOperation
    /// From `"errorType"` to the end of the line.
    private let verdicts = RenderCache<[UInt8]>()

    init(_ context: RenderContext) {
        var head: [UInt8] = []
        head.append(#"{"file":"#)
        Self.writeString(context.input.display, to: &head)
        self.head = head
        headWithLine = LineLabel(prefix: head + Array(#","line":"#.utf8))
        quiet = context.quiet
        operation = context.operation
    }

    private func start(_ place: ResultPlace, into out: ResultBuffer) {
        if let line = place.line {
            headWithLine.append(line, to: out)
        } else {
            out.append(head)
        }
        if let column = place.column {
            out.append(#","column":"#)
            out.appendDecimal(column)
        }
    }

    mutating func valid(at place: ResultPlace, into out: ResultBuffer) {
        guard !quiet else { return }
        start(place, into: out)
        out.append(#","valid":true,"errorType":null,"message":null,"violations":[]}\#n"#)
    }

    mutating func invalid(_ failures: FailedConstraints, answered errorType: ServiceError, at place: ResultPlace, kept: KeptMembers, into out: ResultBuffer) {
        start(place, into: out)
        verdicts.withRendering(of: failures, kept: kept, operation: operation, render: { violations in
            let parts = violations.map(\.message)
            var out: [UInt8] = []
            out.append(#","valid":false,"errorType":"#)
            Self.writeString(errorType.rawValue, to: &out)
            out.append(#","message":"#)
            Self.writeString(ValidationReport.message(of: violations, parts: parts) ?? "", to: &out)
            out.append(#","violations":["#)
            for (index, violation) in violations.enumerated() {
                out.append(index == 0 ? #"{"member":"# : #",{"member":"#)
                Self.writeString(violation.member.wireName, to: &out)
                out.append(#","path":"#)
                Self.writeString(violation.path, to: &out)
                out.append(#","constraint":"#)
                Self.writeString(violation.kind.rawValue, to: &out)
                out.append(#","message":"#)
                Self.writeString(parts[index], to: &out)
                out.append("}")
            }
            out.append("]}\n")
            return out
        }, { out.append($0) })
    }

    mutating func unusable(_ reason: String, at place: ResultPlace, into out: ResultBuffer) {
        start(place, into: out)
        var error: [UInt8] = []
        error.append(#","valid":null,"error":"#)
        Self.writeString(reason, to: &error)
        error.append("}\n")
        out.append(error)
    }

    /// A JSON string, U+2028 and U+2029 escaped too.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        JSONWriter(escaping: .lineSeparators).writeString(text, to: &out)
    }
}
