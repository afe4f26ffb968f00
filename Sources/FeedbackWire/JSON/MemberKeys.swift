/// The top-level members a body read keeps, each in its own slot (its
/// index here), compared with keys as bytes: no string is built for a key.
package struct MemberKeys: Sendable {
    /// The names, in slot order.
    package let names: [String]
    /// The names' UTF-8 bytes, one after another.
    private let storage: [UInt8]
    /// Where each name's bytes are in `storage`.
    private let ranges: [Range<Int>]
    /// The length of the longest name, in bytes.
    package let longest: Int
    /// Each name as words, so that a key is matched in place by a load or two.
    private let words: [NameWords]
    /// By key length (up to 63 bytes): the first slot of that length, or -1.
    private let firstOfLength: [Int8]
    /// By slot: the next slot of the same length, or -1.
    private let nextOfLength: [Int8]

    /// A table of `names`, in this order.
    package init(_ names: [String]) {
        self.names = names
        var storage: [UInt8] = [], ranges: [Range<Int>] = []
        for name in names {
            ranges.append(storage.count..<(storage.count + name.utf8.count))
            storage += name.utf8
        }
        self.storage = storage
        self.ranges = ranges
        longest = ranges.map(\.count).max() ?? 0
        var first = [Int8](repeating: -1, count: 64), next = [Int8](repeating: -1, count: names.count)
        if names.count <= Int(Int8.max) {
            for slot in ranges.indices.reversed() where ranges[slot].count < 64 {
                next[slot] = first[ranges[slot].count]
                first[ranges[slot].count] = Int8(slot)
            }
        }
        firstOfLength = first
        nextOfLength = next
        words = names.map(NameWords.init)
    }

    /// A name's bytes as words: its first eight (fewer for a shorter name,
    /// zero-padded) with the mask of those bytes, and its last eight.
    private struct NameWords {
        var prefix: UInt64 = 0, mask: UInt64 = 0, tail: UInt64 = 0
        let length: Int

        init(_ name: String) {
            let bytes = Array(name.utf8)
            length = bytes.count
            for (index, byte) in bytes.prefix(8).enumerated() {
                prefix |= UInt64(byte) << (8 * UInt64(index))
                mask |= 0xFF << (8 * UInt64(index))
            }
            if length > 8 {
                for (index, byte) in bytes.suffix(8).enumerated() { tail |= UInt64(byte) << (8 * UInt64(index)) }
            }
        }
    }

    /// The slot and length of the key whose text starts at `key`, when it
    /// is one of the names written plainly and followed by its closing
    /// quote within `available` bytes; `nil` otherwise (the key may still
    /// be one, written with escapes). The names are tried from slot
    /// `first` on, round: bodies most often list their keys in one order,
    /// so the slot after the last key's is the likeliest.
    @inline(__always)
    package func plainSlot(at key: UnsafePointer<UInt8>, available: Int, first: Int = 0) -> (slot: Int, length: Int)? {
        guard available >= 9 else { return nil }
        let raw = UnsafeRawPointer(key)
        let word = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        return words.withUnsafeBufferPointer { words in
            var slot = first < words.count ? first : 0
            for _ in 0..<words.count {
                let name = words[slot]
                if word & name.mask == name.prefix, name.length < available, key[name.length] == UInt8(ascii: "\"") {
                    if name.length <= 8 { return (slot, name.length) }
                    // The last eight bytes, then (past sixteen) those between.
                    if UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: name.length - 8, as: UInt64.self)) == name.tail,
                        name.length <= 16 || storage.withUnsafeBufferPointer({
                            equalBytes($0.baseAddress! + ranges[slot].lowerBound + 8, key + 8, name.length - 16)
                        })
                    {
                        return (slot, name.length)
                    }
                }
                slot = slot + 1 == words.count ? 0 : slot + 1
            }
            return nil
        }
    }

    /// The number of slots.
    package var count: Int { names.count }

    /// The slot of the key whose UTF-8 bytes are `key`, or `nil`.
    @inline(__always)
    package func slot(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard key.count < 64, names.count <= Int(Int8.max) else { return slotByScan(of: key) }
        var slot = Int(firstOfLength[key.count])
        while slot >= 0 {
            if storage.withUnsafeBufferPointer({ equalBytes($0.baseAddress! + ranges[slot].lowerBound, key.baseAddress, key.count) }) {
                return slot
            }
            slot = Int(nextOfLength[slot])
        }
        return nil
    }

    private func slotByScan(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        storage.withUnsafeBufferPointer { storage in
            ranges.withUnsafeBufferPointer { ranges in
                for slot in 0..<ranges.count where ranges[slot].count == key.count {
                    if equalBytes(storage.baseAddress! + ranges[slot].lowerBound, key.baseAddress, key.count) { return slot }
                }
                return nil
            }
        }
    }
}

/// Whether `count` bytes at `a` and `b` are equal: eight at a time, inline
/// (a call to `memcmp` costs more than comparing a short key).
@inline(__always)
package func equalBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard count > 0, let b else { return true }
    let left = UnsafeRawPointer(a), right = UnsafeRawPointer(b)
    guard count >= 8 else {
        for index in 0..<count where a[index] != b[index] { return false }
        return true
    }
    var index = 0
    while count - index > 8 {
        if left.loadUnaligned(fromByteOffset: index, as: UInt64.self) != right.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
            return false
        }
        index += 8
    }
    // The last eight bytes, overlapping those compared already.
    return left.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == right.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
}
