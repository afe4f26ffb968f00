import FeedbackConformance
import FeedbackRules

/// How results are printed: `text` for people, `json` for programs.
enum OutputFormat: String {
    case text, json

    /// One lint result. `source` names the input (a file, or `stdin`);
    /// `line` is set in `--jsonl` mode.
    func render(_ report: ValidationReport, source: String, line: Int?) -> String {
        switch self {
        case .json:
            let violations = report.violations.map { violation in
                JSONText.object([
                    ("member", JSONText.string(violation.member.wireName)),
                    ("path", JSONText.string(violation.path)),
                    ("constraint", JSONText.string(violation.kind.rawValue)),
                    ("message", JSONText.string(violation.message)),
                ])
            }
            var pairs: [(String, String)] = line.map { [("line", String($0))] } ?? []
            pairs += [
                ("valid", report.isValid ? "true" : "false"),
                ("errorType", JSONText.string(report.errorType?.rawValue)),
                ("message", JSONText.string(report.message)),
                ("violations", "[" + violations.joined(separator: ",") + "]"),
            ]
            return JSONText.object(pairs) + "\n"
        case .text:
            let location = line.map { "\(source):\($0)" } ?? source
            guard let errorType = report.errorType else { return "\(location): valid\n" }
            return report.violations.map { violation in
                "\(location): \(errorType.rawValue): \(violation.member.wireName) \(violation.kind.rawValue): "
                    + TerminalText.escaped(violation.message) + "\n"
            }.joined()
        }
    }

    /// An input that could not be judged (its description never quotes it).
    func renderUnusable(_ reason: String, source: String, line: Int?) -> String {
        switch self {
        case .json:
            var pairs: [(String, String)] = line.map { [("line", String($0))] } ?? []
            pairs += [("valid", "null"), ("error", JSONText.string(reason))]
            return JSONText.object(pairs) + "\n"
        case .text:
            return "\(line.map { "\(source):\($0)" } ?? source): error: \(reason)\n"
        }
    }
}
