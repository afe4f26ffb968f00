/// Text safe for a terminal, a log or an XML report: control, format,
/// separator, surrogate, private-use and unassigned characters are shown as
/// `\u{…}` escapes, so one message stays one line and no escape sequence
/// reaches a terminal.
///
/// ```swift
/// TerminalText.escaped("a\u{1B}[2Jb")  // "a\\u{1B}[2Jb"
/// ```
package enum TerminalText {
    /// `text` with every unsafe scalar escaped.
    package static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` escaped, and cut to at most `limit` scalars (marked with `…`).
    package static func escaped(_ text: String, limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return escaped(text) }
        return escaped(String(String.UnicodeScalarView(scalars.prefix(limit)))) + "…"
    }
}
