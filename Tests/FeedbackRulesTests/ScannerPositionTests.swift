@_spi(Benchmarks) import FeedbackReference
import FeedbackRules
import FeedbackTestSupport
import Testing

/// The engine judges values 16 bytes at a time, then 8, then byte by byte,
/// with an overlapping last step: a character's verdict must not depend on
/// which step, lane or tail it falls in.
@Suite("Where a character falls in a value")
struct ScannerPositionTests {
    /// Each class's boundaries (the bytes on both sides of every range and
    /// single byte the patterns name), the controls, and non-ASCII scalars of
    /// 2, 3 and 4 bytes, allowed and not.
    static let probes: [String] = [
        "\u{0}", "\u{1F}", " ", "!", "+", ",", "-", ".", "/", "0", "9", ":", "<", "=", ">", "@", "A", "Z", "[",
        "^", "_", "`", "a", "z", "{", "~", "\u{7F}",
        "é", "\u{85}", "漢", "\u{200D}", "😀", "\u{E0001}",
    ]

    /// `count` scalars that whole-match `pattern` (for a pool ID, from 3 up).
    static func filler(_ pattern: Pattern, count: Int) -> [String] {
        switch pattern {
        case .userPoolId: Array(repeating: "a", count: max(0, count - 2)) + ["_", "b"].suffix(count)
        case .username, .eventId, .feedbackToken: Array(repeating: "a", count: count)
        }
    }

    /// Every length up to 18 (the 8-byte words, the first 16-byte step and
    /// its overlap), then the lengths around the next step boundaries.
    static let lengths = Array(1...18) + [23, 24, 25, 31, 32, 33, 34, 47, 48, 49]

    @Test("A probe at every position of values of up to 49 scalars gets the reference's verdict and length",
          arguments: Pattern.allCases)
    func everyPosition(_ pattern: Pattern) {
        let reference = RegexReference()
        var disagreements: [String] = []
        for count in Self.lengths {
            let filler = Self.filler(pattern, count: count)
            for position in 0..<count {
                for probe in Self.probes {
                    var scalars = filler
                    scalars[position] = probe
                    let value = scalars.joined()
                    let scan = pattern.scan(value)
                    if scan.matches != reference.matches(pattern, value) || scan.scalarCount != count {
                        disagreements.append("length \(count), position \(position), probe \(probe.unicodeScalars.map { String($0.value, radix: 16) })")
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(pattern): \(disagreements.prefix(5))")
    }

    @Test("Every byte value, alone and after 15, 16 and 17 filler bytes, gets the reference's verdict",
          arguments: Pattern.allCases)
    func everyScalarBelow256(_ pattern: Pattern) {
        let reference = RegexReference()
        var disagreements: [UInt32] = []
        for lead in [0, 15, 16, 17] {
            for value in UInt32(0)...0xFF {
                let probe = String(Character(Unicode.Scalar(value)!))
                let text = Self.filler(pattern, count: lead).joined() + probe
                if pattern.matches(text) != reference.matches(pattern, text) { disagreements.append(value) }
            }
        }
        #expect(disagreements.isEmpty, "\(pattern): \(disagreements.prefix(10).map { String($0, radix: 16) })")
    }
}
