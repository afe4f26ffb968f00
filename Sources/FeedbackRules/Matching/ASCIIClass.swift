/// An ASCII character class of the documented patterns, defined once in
/// ``members(_:)`` as ranges and single bytes, and judged 16 bytes at a
/// time (SIMD), 8 at a time (a 64-bit word) or one byte at a time with that
/// same definition. Bytes at or above 0x80 belong to no class.
///
/// The classes are types, not values, so that every scan is compiled for
/// its class: the definition folds into the loop as constants.
protocol ASCIIClass {
    /// The high bit of each lane set where its byte is in the class, for
    /// lanes below 0x80 (what other lanes answer does not matter: see
    /// ``outsiders(_:)``).
    static func members<Lanes: ByteLanes>(_ lanes: Lanes) -> Lanes
}

/// `[\w-]` with ASCII `\w`: the pool ID before its last `_`.
enum WordOrHyphen: ASCIIClass {
    @inline(__always)
    static func members<Lanes: ByteLanes>(_ lanes: Lanes) -> Lanes {
        Alphanumeric.members(lanes) | Lanes.equal(lanes, "_") | Lanes.equal(lanes, "-")
    }
}

/// `[0-9a-zA-Z]`: the pool ID after its last `_`.
enum Alphanumeric: ASCIIClass {
    @inline(__always)
    static func members<Lanes: ByteLanes>(_ lanes: Lanes) -> Lanes {
        // `lanes | 0x20` maps A-Z onto a-z, and no other byte onto a-z.
        Lanes.inRange(lanes | .splat(0x20), "a", "z") | Lanes.inRange(lanes, "0", "9")
    }
}

/// `[\w+-]` with ASCII `\w`: EventId.
enum EventIdCharacter: ASCIIClass {
    @inline(__always)
    static func members<Lanes: ByteLanes>(_ lanes: Lanes) -> Lanes {
        Alphanumeric.members(lanes) | Lanes.equal(lanes, "_") | Lanes.equal(lanes, "+") | Lanes.equal(lanes, "-")
    }
}

/// `[A-Za-z0-9-_=.]`: FeedbackToken (the `-` after a range is literal).
enum TokenCharacter: ASCIIClass {
    @inline(__always)
    static func members<Lanes: ByteLanes>(_ lanes: Lanes) -> Lanes {
        // `-` and `.` are neighbours in ASCII: one range.
        Alphanumeric.members(lanes) | Lanes.inRange(lanes, "-", ".") | Lanes.equal(lanes, "_") | Lanes.equal(lanes, "=")
    }
}

/// `!`...`~`: the ASCII scalars in `\p{L}\p{M}\p{S}\p{N}\p{P}` (all but
/// space and the controls).
enum UsernameASCII: ASCIIClass {
    @inline(__always)
    static func members<Lanes: ByteLanes>(_ lanes: Lanes) -> Lanes {
        Lanes.inRange(lanes, "!", "~")
    }
}

extension ASCIIClass {
    /// The high bit of each lane set where its byte (any value) is not in
    /// the class.
    @inline(__always)
    static func outsiders<Lanes: ByteLanes>(_ lanes: Lanes) -> Lanes {
        // A byte at or above 0x80 is an outsider by its own high bit,
        // whatever `members` makes of it.
        (~members(lanes.carryFree) | lanes) & .splat(0x80)
    }

    /// Whether `byte` is in the class.
    @inline(__always)
    static func contains(_ byte: UInt8) -> Bool {
        outsiders(UInt64(byte)) & 0x80 == 0  // the byte's lane; the others hold 0
    }

    /// The length of the longest prefix of `bytes` whose bytes are all in
    /// the class: 16 bytes per step, the last step overlapping the one
    /// before it; values under 16 bytes take one or two 8-byte words.
    static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        if count >= 16 {
            // Whole blocks, then one last block that overlaps the one before
            // it: bytes before the overlap passed already, so a lane that
            // fails there lies at or after them.
            var at = 0
            while true {
                let outside = outsiders(raw.loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self))
                let words = unsafeBitCast(outside, to: (UInt64, UInt64).self)
                if words.0 | words.1 != 0 {
                    return at &+ (words.0 != 0 ? firstLane(words.0) : 8 &+ firstLane(words.1))
                }
                if at == count &- 16 { return count }
                at = min(at &+ 16, count &- 16)
            }
        }
        if count >= 8 {
            let head = outsiders(raw.loadUnaligned(as: UInt64.self))
            if head != 0 { return firstLane(head) }
            let tail = outsiders(raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
            return tail == 0 ? count : count &- 8 &+ firstLane(tail)
        }
        // Under 8 bytes: gather them into a word laid out as if loaded from
        // memory, and ignore the lanes past the end.
        var word: UInt64 = 0
        for index in 0..<count { word |= UInt64(base[index]) << UInt64(index &* 8) }
        let inValue = UInt64(littleEndian: ~(UInt64.max << UInt64(count &* 8)))
        let outside = outsiders(UInt64(littleEndian: word)) & inValue
        return outside == 0 ? count : firstLane(outside)
    }
}

extension ASCIIClass {
    /// The length of the longest suffix of `bytes` whose bytes are all in
    /// the class: 8 bytes per step from the end, then byte by byte.
    static func suffixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var end = bytes.count
        while end >= 8 {
            let outside = outsiders(raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self))
            if outside != 0 { return bytes.count &- (end &- 8 &+ lastLane(outside)) &- 1 }
            end &-= 8
        }
        while end > 0 && contains(base[end &- 1]) { end &-= 1 }
        return bytes.count &- end
    }
}

/// The index of the first lane whose high bit is set in a word loaded from
/// memory (lane 0 is the byte at the lowest address).
@inline(__always)
private func firstLane(_ word: UInt64) -> Int {
    UInt64(littleEndian: word).trailingZeroBitCount &>> 3
}

/// The index of the last lane whose high bit is set in a word loaded from
/// memory (lane 0 is the byte at the lowest address).
@inline(__always)
private func lastLane(_ word: UInt64) -> Int {
    (63 &- UInt64(littleEndian: word).leadingZeroBitCount) &>> 3
}
