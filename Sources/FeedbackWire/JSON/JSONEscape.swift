/// JSON's string escapes (RFC 8259 §7), read the one way every reader of
/// this package reads them: the JSON reader (its general grammar and its
/// fast path), and the redactor that finds escaped values in what a peer
/// wrote. Escapes are decoded, surrogate pairs combined and scalar values
/// encoded as UTF-8 here and nowhere else.
///
/// ```swift
/// JSONEscape.decoded(UInt8(ascii: "n"))    // 0x0A: `\n` is a line feed
/// JSONEscape.decoded(UInt8(ascii: "u"))    // nil: `\u` takes four hex digits
/// JSONEscape.hexDigit(UInt8(ascii: "F"))   // 15
/// try JSONEscape.decode(Array(#"\ud83d\ude00"#.utf8), at: 0)  // (0x1F600, 12): a pair is one scalar
/// ```
package enum JSONEscape {
    /// An escape that is not JSON: `offset` is the first byte that makes
    /// it so, or the end of the bytes when they end inside it.
    package struct Malformed: Error {
        package var offset: Int
    }

    /// Decodes the escape whose backslash is at `start` in `bytes`: the
    /// value it stands for and the bytes it takes. A `\uXXXX` high
    /// surrogate followed by a `\uXXXX` low one is one scalar (12 bytes);
    /// a surrogate without its partner is returned as it is (6 bytes), for
    /// the caller to refuse or replace, since no Swift string holds it.
    /// - Throws: ``Malformed`` at the byte after `\` when it makes no
    ///   escape, at the first byte of `\u`'s four that is not a hex digit
    ///   (also in a `\u` escape that follows a high surrogate), or at the
    ///   end of `bytes`.
    @inline(__always)
    package static func decode<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at start: Int)
        throws(Malformed) -> (value: UInt32, width: Int)
    where Bytes.Index == Int {
        assert(start >= bytes.startIndex && start < bytes.endIndex && bytes[start] == UInt8(ascii: "\\"),
               "an escape starts at a backslash")
        guard start + 1 < bytes.endIndex else { throw Malformed(offset: start) }
        let code = bytes[start + 1]
        if let simple = decoded(code) { return (UInt32(simple), 2) }
        guard code == UInt8(ascii: "u") else { throw Malformed(offset: start + 2) }
        let value = try hex4(bytes, at: start + 2)
        // A high surrogate: its low pair should follow.
        guard value & 0xFC00 == 0xD800, bytes.endIndex - start >= 12, bytes[start + 6] == UInt8(ascii: "\\"),
            bytes[start + 7] == UInt8(ascii: "u")
        else { return (value, 6) }
        guard let scalar = combineSurrogates(value, try hex4(bytes, at: start + 8)) else { return (value, 6) }
        return (scalar, 12)
    }

    /// The scalar value a UTF-16 surrogate pair stands for, or `nil` when
    /// `high` and `low` are not a high and a low surrogate.
    @inline(__always)
    package static func combineSurrogates(_ high: UInt32, _ low: UInt32) -> UInt32? {
        guard high & 0xFC00 == 0xD800, low & 0xFC00 == 0xDC00 else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    /// Whether `value` is a UTF-16 surrogate, which no scalar is: what
    /// ``decode(_:at:)`` returns for a half without its partner.
    @inline(__always)
    package static func isSurrogate(_ value: UInt32) -> Bool {
        value & 0xFFFF_F800 == 0xD800
    }

    /// Hands the UTF-8 encoding of the scalar value `value` (not a
    /// surrogate, at most U+10FFFF) to `append`, byte by byte.
    @inline(__always)
    package static func encodeUTF8(_ value: UInt32, _ append: (UInt8) -> Void) {
        assert(value <= 0x10FFFF && !isSurrogate(value), "a scalar value")
        switch value {
        case ..<0x80:
            append(UInt8(value))
        case ..<0x800:
            append(0xC0 | UInt8(value >> 6))
            append(0x80 | UInt8(value & 0x3F))
        case ..<0x10000:
            append(0xE0 | UInt8(value >> 12))
            append(0x80 | UInt8(value >> 6 & 0x3F))
            append(0x80 | UInt8(value & 0x3F))
        default:
            append(0xF0 | UInt8(value >> 18))
            append(0x80 | UInt8(value >> 12 & 0x3F))
            append(0x80 | UInt8(value >> 6 & 0x3F))
            append(0x80 | UInt8(value & 0x3F))
        }
    }

    /// The four hex digits at `start`, strictly: ``Malformed`` at the first
    /// byte that is not one, or at the end.
    @inline(__always)
    private static func hex4<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at start: Int) throws(Malformed) -> UInt32
    where Bytes.Index == Int {
        guard bytes.endIndex - start >= 4 else {
            // Cut short: at the first byte that is no digit, or at the end.
            throw Malformed(offset: bytes[start...].firstIndex { hexDigit($0) == nil } ?? bytes.endIndex)
        }
        var value: UInt32 = 0
        for offset in start..<(start + 4) {
            guard let digit = hexDigit(bytes[offset]) else { throw Malformed(offset: offset) }
            value = value << 4 | digit
        }
        return value
    }

    /// The byte that `\` followed by `code` stands for, or `nil` when
    /// `code` makes no one-letter escape (`u` included).
    @inline(__always)
    package static func decoded(_ code: UInt8) -> UInt8? {
        switch code {
        case UInt8(ascii: "\""): 0x22
        case UInt8(ascii: "\\"): 0x5C
        case UInt8(ascii: "/"): 0x2F
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    /// The value of one hexadecimal digit (either case), or `nil`.
    @inline(__always)
    package static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte &- UInt8(ascii: "A") &+ 10)
        default: nil
        }
    }
}
