/// JSON's string escapes (RFC 8259 §7), read the one way every reader of
/// this package reads them: the body reader, and the redactor that finds
/// escaped values in what a peer wrote.
///
/// ```swift
/// JSONEscape.decoded(UInt8(ascii: "n"))    // 0x0A: `\n` is a line feed
/// JSONEscape.decoded(UInt8(ascii: "u"))    // nil: `\u` takes four hex digits
/// JSONEscape.hexDigit(UInt8(ascii: "F"))   // 15
/// ```
package enum JSONEscape {
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

    /// The value of the four hexadecimal digits of a `\uXXXX` escape at
    /// `start` in `bytes`, or `nil` (fewer than four bytes, or not digits).
    @inline(__always)
    package static func hexValue<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at start: Int) -> UInt32?
    where Bytes.Index == Int {
        guard start >= 0, bytes.endIndex - start >= 4 else { return nil }
        var value: UInt32 = 0
        for offset in start..<(start + 4) {
            guard let digit = hexDigit(bytes[offset]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }
}
