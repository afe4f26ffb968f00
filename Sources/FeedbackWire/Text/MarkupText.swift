/// Text safe in a report's markup: XML 1.0 and HTML character data or
/// attribute values, and Markdown table cells. Unsafe scalars are escaped by
/// ``TerminalText`` first (so no control character, which XML 1.0 cannot
/// hold, and no terminal escape survives), then markup characters become
/// entities.
///
/// ```swift
/// MarkupText.escaped("<a & 'b'>", limit: 200)  // "&lt;a &amp; &#39;b&#39;&gt;"
/// MarkupText.markdownCell("a|b")                // "a\\|b"
/// ```
package enum MarkupText {
    /// `text` as XML or HTML character data or attribute value, cut to
    /// `limit` scalars per line when a limit is given. Line feeds are kept
    /// with `multiline` (a JUnit `<failure>` body), escaped otherwise.
    package static func escaped(_ text: String, limit: Int? = nil, multiline: Bool = false) -> String {
        let safe = multiline
            ? text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { TerminalText.escaped(String($0), limit: limit) }.joined(separator: "\n")
            : TerminalText.escaped(text, limit: limit)
        var out = ""
        for character in safe {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `text` as one Markdown table cell: one line, no `|`, no HTML, no
    /// emphasis or link syntax; at most 200 scalars.
    package static func markdownCell(_ text: String) -> String {
        var out = ""
        for character in TerminalText.escaped(text, limit: 200) {
            switch character {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "`", "*", "_", "[", "]": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }
}
