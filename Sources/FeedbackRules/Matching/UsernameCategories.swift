/// The general categories `\p{L}`, `\p{M}`, `\p{S}`, `\p{N}` and `\p{P}`,
/// per the standard library's Unicode data.
enum UsernameCategories {
    /// Whether the scalar's general category is a letter, mark, symbol,
    /// number or punctuation.
    ///
    /// Planes 0 and 1 (every script in common use, and the emoji) take a
    /// bitmap built once from the standard library's data, on first use
    /// (a few milliseconds); other planes ask the standard library.
    @inline(__always)
    static func allows(_ value: UInt32) -> Bool {
        if value < planes01 {
            return bitmap[Int(value >> 6)] >> UInt64(value & 63) & 1 != 0
        }
        return Unicode.Scalar(value).map(allowsByCategory) ?? false
    }

    static let planes01: UInt32 = 0x2_0000

    /// One bit per scalar of planes 0 and 1 (16 KiB), built once
    /// (thread-safely), then never changed or freed: reading it costs no
    /// reference counting, and sharing it across threads is safe.
    nonisolated(unsafe) static let bitmap: UnsafePointer<UInt64> = {
        let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: Int(planes01 / 64))
        bits.initialize(repeating: 0, count: Int(planes01 / 64))
        for value in 0..<planes01 {
            if let scalar = Unicode.Scalar(value), allowsByCategory(scalar) {
                bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
            }
        }
        return UnsafePointer(bits)
    }()

    /// The definition: the scalar's general category is in L, M, S, N or P.
    /// Kept out of line: the category lookup needs run-time type metadata
    /// that callers on the hot path should not pay for.
    @inline(never)
    static func allowsByCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            true
        case .spaceSeparator, .lineSeparator, .paragraphSeparator,
            .control, .format, .surrogate, .privateUse, .unassigned:
            false
        @unknown default:
            false
        }
    }
}
