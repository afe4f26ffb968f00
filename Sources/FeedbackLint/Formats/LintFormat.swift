import FeedbackRules
import FeedbackWire

/// How lint results are printed: `text` for people, `json` for programs.
public enum LintFormat: String, Sendable, CaseIterable {
    case text, json

    /// Appends one lint result to `out`. `source` names the input (a file,
    /// or `stdin`); `line` is set in `--jsonl` mode.
    func render(_ report: ValidationReport, source: String, line: Int?, into out: inout [UInt8]) {
        switch self {
        case .json:
            // Each violation and message is built once, and only when the
            // request is invalid.
            let violations = report.violations, parts = violations.map(\.message)
            out += "{".utf8
            if let line { out += #""line":\#(line),"#.utf8 }
            out += (report.isValid ? #""valid":true,"errorType":"# : #""valid":false,"errorType":"#).utf8
            Self.writeJSON(report.errorType?.rawValue, to: &out)
            out += #","message":"#.utf8
            Self.writeJSON(ValidationReport.message(of: violations, parts: parts), to: &out)
            out += #","violations":["#.utf8
            for (index, violation) in violations.enumerated() {
                out += (index == 0 ? #"{"member":"# : #",{"member":"#).utf8
                Self.writeJSON(violation.member.wireName, to: &out)
                out += #","path":"#.utf8
                Self.writeJSON(violation.path, to: &out)
                out += #","constraint":"#.utf8
                Self.writeJSON(violation.kind.rawValue, to: &out)
                out += #","message":"#.utf8
                Self.writeJSON(parts[index], to: &out)
                out += "}".utf8
            }
            out += "]}\n".utf8
        case .text:
            let location = line.map { "\(source):\($0)" } ?? source
            guard let errorType = report.errorType else { return out += "\(location): valid\n".utf8 }
            for violation in report.violations {
                out += "\(location): \(errorType.rawValue): \(violation.member.wireName) \(violation.kind.rawValue): ".utf8
                out += TerminalText.escaped(violation.message).utf8
                out += "\n".utf8
            }
        }
    }

    /// Appends an input that could not be judged (its description never
    /// quotes it).
    func renderUnusable(_ reason: String, source: String, line: Int?, into out: inout [UInt8]) {
        switch self {
        case .json:
            out += "{".utf8
            if let line { out += #""line":\#(line),"#.utf8 }
            out += #""valid":null,"error":"#.utf8
            Self.writeJSON(reason, to: &out)
            out += "}\n".utf8
        case .text:
            out += "\(line.map { "\(source):\($0)" } ?? source): error: \(reason)\n".utf8
        }
    }

    /// A JSON string, or `null`. U+2028 and U+2029 are escaped too, so that
    /// a JavaScript reader of the output sees one result per line.
    static func writeJSON(_ text: String?, to out: inout [UInt8]) {
        guard let text else { return out += "null".utf8 }
        JSONWriter(escaping: .lineSeparators).writeString(text, to: &out)
    }
}
