@_spi(Benchmarks) import FeedbackReference
import FeedbackRules
import FeedbackTestSupport
import Testing

/// The engine against a slow, obviously correct reference: Swift `Regex`
/// matching whole values per Unicode scalar with ASCII `\w`, and lengths
/// from `unicodeScalars.count`.
@Suite("The engine against a regex reference")
struct DifferentialTests {
    /// Building blocks of generated values: ASCII (including the pool ID's
    /// `_` and `-`), combining marks, emoji and their sequences, format,
    /// space and control characters, non-ASCII word characters, private-use
    /// and unassigned scalars.
    static let pieces: [String] = [
        "a", "Z", "q", "0", "9", "_", "-", "+", "=", ".", "/", "@", "~", " ", "\t", "\n", "\r", "\u{0}", "\u{7F}",
        "\u{301}", "\u{308}", "\u{20E3}", "\u{FE0F}",
        "😀", "👩", "💻", "👍", "\u{1F3FD}", "🇯", "🇵", "👩\u{200D}💻",
        "\u{200D}", "\u{200B}", "\u{AD}", "\u{FEFF}", "\u{200E}", "\u{E0067}", "\u{2060}",
        "\u{A0}", "\u{3000}", "\u{2028}", "\u{2029}", "\u{85}",
        "é", "e\u{301}", "ß", "漢", "\u{661}", "Ｋ", "\u{212A}", "\u{203F}", "α", "\u{20000}", "𝐀",
        "\u{E000}", "\u{378}", "\u{FFFF}", "\u{10FFFF}",
    ]
    /// The pool ID's own alphabet, to drive its backtracking cases.
    static let poolPieces = ["a", "B", "7", "_", "-", "_", "é"]

    @Test("Every pattern and length agree with the reference on generated values", arguments: Pattern.allCases)
    func patternAgreesWithReference(_ pattern: Pattern) {
        let reference = RegexReference()
        var random = SplitMix64(seed: 0x5EED_F00D)
        for round in 0..<4000 {
            let value = Self.value(&random, pieces: pattern == .userPoolId && round % 2 == 0 ? Self.poolPieces : Self.pieces)
            let scan = pattern.scan(value)
            let expectedMatch = reference.matches(pattern, value)
            #expect(scan.matches == expectedMatch, "\(pattern) disagrees on scalars \(Self.scalars(value))")
            #expect(scan.scalarCount == value.unicodeScalars.count, "\(pattern) miscounts \(Self.scalars(value))")
        }
    }

    @Test("validate() reports exactly the reference's violations on generated requests")
    func validateAgreesWithReference() {
        let reference = RegexReference()
        var random = SplitMix64(seed: 42)
        for _ in 0..<1500 {
            var values: [Member: String] = [:]
            for member in Member.allCases where random.next() % 8 != 0 {
                values[member] = random.next() % 3 == 0 ? ["Valid", "Invalid", "valid"][Int(random.next() % 3)]
                    : Self.value(&random, pieces: member == .userPoolId ? Self.poolPieces : Self.pieces)
            }
            let request = UpdateAuthEventFeedbackRequest(
                userPoolId: values[.userPoolId], username: values[.username], eventId: values[.eventId],
                feedbackToken: values[.feedbackToken], feedbackValue: values[.feedbackValue].map(FeedbackValue.init(rawValue:)))
            let expected = reference.violations(.updateAuthEventFeedback, values).map { "\($0.0) \($0.1)" }
            let got = request.validate().violations.map { "\($0.member) \($0.kind)" }
            #expect(got == expected)
        }
    }

    static func value(_ random: inout SplitMix64, pieces: [String]) -> String {
        let count = Int(random.next() % 24)
        var value = ""
        for _ in 0..<count { value += pieces[Int(random.next() % UInt64(pieces.count))] }
        if random.next() % 10 == 0 { value += String(repeating: "x", count: Int(random.next() % 120)) }
        return value
    }

    /// Scalars as hex, for failure messages (values here are generated, not secrets).
    static func scalars(_ value: String) -> String {
        value.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
    }
}

/// A small deterministic generator (SplitMix64), so every run tests the same values.
@Suite("The username class table")
struct UsernameTableTests {
    @Test("Every scalar of every plane gets the standard library's L/M/S/N/P verdict")
    func everyScalar() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogate code points
            let expected: Bool = switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .mathSymbol, .currencySymbol, .modifierSymbol,
                .otherSymbol, .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation,
                .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
                .otherPunctuation: true
            default: false
            }
            if Pattern.username.matches(String(Character(scalar))) != expected { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "first disagreements: \(disagreements.prefix(10).map { String($0, radix: 16) })")
    }
}
