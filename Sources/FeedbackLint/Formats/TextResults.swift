import FeedbackRules
import FeedbackWire

/// `--format text`: one line per violation, for people, with control
/// characters escaped so nothing reaches a terminal raw.
///
/// ```
/// bodies.jsonl:2: InvalidParameterException: FeedbackValue enum: Value 'valid' at 'feedbackValue' failed to satisfy constraint: ...
/// bodies.jsonl:3: valid
/// bodies.jsonl:4:1: error: not valid JSON (at byte 0)
/// ```
struct TextResults: ResultRenderer {
    static var locatesValues: Bool { false }
    private let name: [UInt8]
    /// `<name>:<line>`.
    private let nameAndLine: LineLabel
    private let operation: FeedbackOperation
    private let quiet: Bool
    /// Each violation's line after the place: `: <error type>: <member> <kind>: <message>\n`.
    private let lines = RenderCache<[[UInt8]]>()

    init(_ context: RenderContext) {
        name = Array(TerminalText.escaped(context.input.display).utf8)
        nameAndLine = LineLabel(prefix: name + [UInt8(ascii: ":")])
        quiet = context.quiet
        operation = context.operation
    }

    private func place(_ place: ResultPlace, into out: ResultBuffer) {
        guard let line = place.line else {
            out.append(name)
            return
        }
        nameAndLine.append(line, to: out)
        guard let column = place.column else { return }
        out.append(":")
        out.appendDecimal(column)
    }

    mutating func valid(at place: ResultPlace, into out: ResultBuffer) {
        guard !quiet else { return }
        self.place(place, into: out)
        out.append(": valid\n")
    }

    mutating func invalid(_ failures: FailedConstraints, answered errorType: ServiceError, at place: ResultPlace, kept: KeptMembers, into out: ResultBuffer) {
        lines.withRendering(of: failures, kept: kept, operation: operation, render: { violations in
            violations.map { violation in
                Array(": \(errorType.rawValue): \(violation.member.wireName) \(violation.kind.rawValue): \(TerminalText.escaped(violation.message))\n".utf8)
            }
        }) { lines in
            lines.withUnsafeBufferPointer { lines in
                for index in lines.indices {
                    self.place(place, into: out)
                    out.append(lines[index])
                }
            }
        }
    }

    mutating func unusable(_ reason: String, at place: ResultPlace, into out: ResultBuffer) {
        self.place(place, into: out)
        out.append(": error: ")
        out.append(contentsOf: TerminalText.escaped(reason))
        out.append("\n")
    }
}
