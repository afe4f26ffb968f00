/// A set of ASCII bytes as a 128-bit mask: membership is two shifts and a test.
@usableFromInline
struct ASCIISet: Sendable {
    @usableFromInline let low: UInt64   // bytes 0x00...0x3F
    @usableFromInline let high: UInt64  // bytes 0x40...0x7F

    /// Builds the set from the scalars of `members` (all ASCII).
    init(_ members: StaticString) {
        var low: UInt64 = 0, high: UInt64 = 0
        members.withUTF8Buffer { bytes in
            for byte in bytes {
                precondition(byte < 0x80, "ASCIISet takes ASCII only")
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
        }
        self.low = low
        self.high = high
    }

    /// Whether `byte` is in the set; false for every byte at or above 0x80.
    @inlinable @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return high & (1 << UInt64(byte &- 64)) != 0 }
        return false
    }


    /// `[0-9a-zA-Z]`: the pool ID suffix.
    static let alphanumeric = ASCIISet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    /// `[\w-]` with ASCII `\w`: the pool ID prefix.
    static let wordOrHyphen = ASCIISet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-")
    /// `[\w+-]` with ASCII `\w`.
    static let eventId = ASCIISet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_+-")
    /// `[A-Za-z0-9-_=.]`.
    static let feedbackToken = ASCIISet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_=.")
}
