/// The matchers behind ``Pattern``: one pass over UTF-8, no regex engine, no
/// allocation. Each returns the scalar count together with the verdict so a
/// value is walked once.
@usableFromInline
enum PatternScanner {
    /// Counts the scalars of `bytes[from...]`: every byte that is not a
    /// UTF-8 continuation byte starts one.
    @inline(__always)
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var count = 0
        var index = start
        while index < bytes.count {
            count &+= bytes[index] & 0xC0 != 0x80 ? 1 : 0
            index &+= 1
        }
        return count
    }

    /// `[set]+`, where the set is ASCII: any non-ASCII byte fails the match.
    static func ascii(_ bytes: UnsafeBufferPointer<UInt8>, allowed: ASCIISet) -> Pattern.Scan {
        var index = 0
        while index < bytes.count {
            if !allowed.contains(bytes[index]) {
                // Bytes before `index` are ASCII: one scalar each.
                return .init(scalarCount: index + scalarCount(bytes, from: index), matches: false)
            }
            index &+= 1
        }
        return .init(scalarCount: bytes.count, matches: bytes.count > 0)
    }

    /// `[\w-]+_[0-9a-zA-Z]+` in one pass and constant space.
    ///
    /// The suffix cannot hold `_`, so a match must split at the **last**
    /// underscore: the value matches exactly when every byte is in `[\w-]`,
    /// the last `_` is neither the first nor the last byte, and no `-`
    /// follows it. This is what a backtracking engine finds, without its
    /// quadratic worst case.
    static func userPoolId(_ bytes: UnsafeBufferPointer<UInt8>) -> Pattern.Scan {
        var lastUnderscore = -1
        var lastHyphen = -1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if !ASCIISet.wordOrHyphen.contains(byte) {
                return .init(scalarCount: index + scalarCount(bytes, from: index), matches: false)
            }
            if byte == UInt8(ascii: "_") { lastUnderscore = index }
            else if byte == UInt8(ascii: "-") { lastHyphen = index }
            index &+= 1
        }
        let matches = lastUnderscore >= 1 && lastUnderscore < bytes.count - 1 && lastHyphen < lastUnderscore
        return .init(scalarCount: bytes.count, matches: matches)
    }

    /// `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`, tested per scalar.
    ///
    /// ASCII takes a range test (`!`...`~` are all punctuation, symbols,
    /// digits or letters; space and controls are not); other scalars are
    /// decoded and judged by their general category.
    static func username(_ bytes: UnsafeBufferPointer<UInt8>) -> Pattern.Scan {
        var index = 0
        var scalars = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                guard lead >= 0x21 && lead <= 0x7E else {
                    return .init(scalarCount: scalars + scalarCount(bytes, from: index), matches: false)
                }
                index &+= 1
            } else {
                let (scalar, width) = decode(bytes, at: index, lead: lead)
                guard UsernameCategories.allows(scalar) else {
                    return .init(scalarCount: scalars + scalarCount(bytes, from: index), matches: false)
                }
                index &+= width
            }
            scalars &+= 1
        }
        return .init(scalarCount: scalars, matches: scalars > 0)
    }

    /// Decodes the multi-byte scalar starting at `index` (well-formed UTF-8).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8) -> (Unicode.Scalar, Int) {
        let value: UInt32
        let width: Int
        if lead < 0xE0 {
            value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            width = 2
        } else if lead < 0xF0 {
            value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F)
            width = 3
        } else {
            value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            width = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}

/// The general categories `\p{L}`, `\p{M}`, `\p{S}`, `\p{N}` and `\p{P}`.
enum UsernameCategories {
    /// Whether the scalar's general category is a letter, mark, symbol,
    /// number or punctuation, per the standard library's Unicode data.
    static func allows(_ scalar: Unicode.Scalar) -> Bool {
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
