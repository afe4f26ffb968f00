import Synchronization

/// The `x-amzn-RequestId` of each answer, in the service's form: a
/// lowercase version-4 UUID (`8-4-4-4-12` hex digits).
///
/// Unique within the process without Foundation's `UUID` or a read of the
/// random source per request: the first 64 bits are random, drawn once per
/// process (the version nibble set to 4), the last 64 a counter (the
/// variant bits set to `10`), so no two answers of one emulator share an
/// id, and two emulators' ids differ but by a 2⁻⁶⁰ chance.
enum RequestId {
    /// The random half, drawn once.
    private static let prefix: UInt64 = (UInt64.random(in: .min ... .max) & ~0xF000) | 0x4000
    /// The answers numbered so far.
    private static let counter = Atomic<UInt64>(0)

    /// The next id.
    static func next() -> String {
        let count = counter.add(1, ordering: .relaxed).newValue
        return format(prefix: prefix, sequence: count)
    }

    /// `prefix` and `sequence` as a UUID: the prefix's 16 hex digits, then
    /// the variant bits and the sequence's low 62 bits, lowercase.
    static func format(prefix: UInt64, sequence: UInt64) -> String {
        let low = (sequence & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return String(unsafeUninitializedCapacity: 36) { out in
            var position = 0
            func write(_ value: UInt64, digits: Int) {
                for digit in (0..<digits).reversed() {
                    let nibble = UInt8(truncatingIfNeeded: value >> (4 * UInt64(digit))) & 0xF
                    out[position] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
                    position += 1
                }
            }
            write(prefix >> 32, digits: 8)
            out[position] = UInt8(ascii: "-"); position += 1
            write(prefix >> 16, digits: 4)
            out[position] = UInt8(ascii: "-"); position += 1
            write(prefix, digits: 4)
            out[position] = UInt8(ascii: "-"); position += 1
            write(low >> 48, digits: 4)
            out[position] = UInt8(ascii: "-"); position += 1
            write(low, digits: 12)
            return position
        }
    }
}
