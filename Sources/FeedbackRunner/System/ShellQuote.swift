/// A command as a POSIX shell reads it back: each word bare when it is
/// made only of characters no shell treats specially, else in single
/// quotes (a `'` written as `'\''`).
///
/// ```swift
/// ShellQuote.line(["python3", "-c", "import x"])   // python3 -c 'import x'
/// ```
package enum ShellQuote {
    /// `words` quoted and joined with spaces.
    package static func line(_ words: [String]) -> String {
        words.map(word).joined(separator: " ")
    }

    /// One word, quoted when it needs to be.
    package static func word(_ word: String) -> String {
        let bare = !word.isEmpty && word.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                "_@%+=:,./-".utf8.contains(byte)
            }
        }
        guard !bare else { return word }
        var quoted = "'"
        for scalar in word.unicodeScalars {
            if scalar == "'" { quoted += "'\\''" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "'"
    }
}
