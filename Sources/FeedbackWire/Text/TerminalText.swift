/// Text safe for a terminal, a log or an XML report: control, format,
/// separator, surrogate, private-use and unassigned characters are shown as
/// `\u{…}` escapes, so one message stays one line and no escape sequence
/// reaches a terminal.
///
/// ```swift
/// TerminalText.escaped("a\u{1B}[2Jb")  // "a\\u{1B}[2Jb"
/// ```
package enum TerminalText {
    /// `text` with every unsafe scalar escaped (printable ASCII, the common
    /// case, is returned as is after one pass over its bytes).
    package static func escaped(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
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

    /// `text` escaped, and cut to at most `limit` scalars (marked with `…`)
    /// when a limit is given.
    package static func escaped(_ text: String, limit: Int?) -> String {
        let scalars = text.unicodeScalars
        guard let limit, scalars.count > limit else { return escaped(text) }
        return escaped(String(String.UnicodeScalarView(scalars.prefix(limit)))) + "…"
    }
}
