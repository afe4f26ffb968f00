import FeedbackRules
import FeedbackWire

/// `--format github`: one GitHub Actions workflow command per violation,
/// which the runner shows as an annotation on the file, line and column of
/// the member's value (or of the body, when the member is absent).
///
/// ```
/// ::error file=bodies.jsonl,line=2,col=110,title=FeedbackValue/enum::InvalidParameterException: Value 'valid' at ...
/// ```
///
/// The grammar is `::error <key>=<value>,…::<message>`: a message escapes
/// `%`, CR and LF; a property value also `:` and `,`. Messages are made
/// terminal-safe first, so no other control character reaches the log.
/// Valid bodies write nothing.
struct GitHubResults: ResultRenderer {
    static var locatesValues: Bool { true }
    private let operation: FeedbackOperation
    /// `file=<path>,`, or nothing for standard input.
    private let file: [UInt8]
    /// Per violation: `,title=<rule>::<message>\n`.
    private let endings = RenderCache<[[UInt8]]>()

    init(_ context: RenderContext) {
        operation = context.operation
        file = context.input.isStandardInput ? [] : Array("file=\(Self.escapedProperty(context.input.display)),".utf8)
    }

    private func start(_ place: ResultPlace, into out: ResultBuffer) {
        out.append("::error ")
        out.append(file)
        if let line = place.line {
            out.append("line=")
            out.appendDecimal(line)
            out.append(",")
            if let column = place.column {
                out.append("col=")
                out.appendDecimal(column)
                out.append(",")
            }
        }
    }

    mutating func valid(at place: ResultPlace, into out: ResultBuffer) {}

    mutating func invalid(_ failures: FailedConstraints, answered errorType: ServiceError, at place: ResultPlace, kept: KeptMembers, into out: ResultBuffer) {
        let endings = endings.rendering(of: failures, kept: kept, operation: operation) { violations in
            violations.map { violation in
                Array(("title=" + Self.escapedProperty(LintRule.id(of: violation)) + "::"
                    + Self.escapedData("\(errorType.rawValue): \(TerminalText.escaped(violation.message))") + "\n").utf8)
            }
        }
        var index = 0
        failures.forEachFailure { member, _ in
            start(ResultPlace(Self.location(of: member, in: kept, operation: operation)), into: out)
            out.append(endings[index])
            index += 1
        }
    }

    mutating func unusable(_ reason: String, at place: ResultPlace, into out: ResultBuffer) {
        start(place, into: out)
        let title: String = "title=" + Self.escapedProperty(LintRule.unusableInput) + "::"
        out.append(contentsOf: title + Self.escapedData(TerminalText.escaped(reason)) + "\n")
    }

    /// A message: `%`, CR and LF percent-encoded.
    static func escapedData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value: as a message, and `:` and `,` too.
    static func escapedProperty(_ text: String) -> String {
        escapedData(text).replacingColonsAndCommas()
    }
}

extension String {
    fileprivate func replacingColonsAndCommas() -> String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
