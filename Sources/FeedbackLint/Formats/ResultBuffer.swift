/// Rendered results waiting to be written: bytes appended at the end of one
/// allocation, which grows as needed and is kept from block to block.
///
/// What every renderer writes into. An append is a capacity test and a
/// copy. An `[UInt8]` also checks at each append whether its storage is
/// shared, and counts references to a cached rendering copied into it:
/// with a few appends per body, that showed (Benchmarks/README.md). The
/// bytes are written out from where they are (``bytes``).
final class ResultBuffer: @unchecked Sendable {
    // Unchecked: a buffer belongs to one thread at a time (a block's results
    // go to a worker and come back with the block), and no access overlaps.
    @exclusivity(unchecked) private var base: UnsafeMutableRawPointer
    @exclusivity(unchecked) private var capacity: Int
    /// How many bytes it holds.
    @exclusivity(unchecked) private(set) var count = 0
    /// The capacity it starts with, and returns to when emptied after
    /// growing past ``retainedCapacity`` (a block of huge results).
    private let initialCapacity: Int
    private static let retainedCapacity = 1 << 20

    init(capacity: Int = 1 << 12) {
        initialCapacity = max(capacity, 64)
        self.capacity = initialCapacity
        base = .allocate(byteCount: initialCapacity, alignment: 1)
    }

    deinit { base.deallocate() }

    /// What it holds; valid until the next change.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Empties it, keeping its allocation unless that grew large.
    func removeAll() {
        count = 0
        if capacity > max(Self.retainedCapacity, initialCapacity) {
            base.deallocate()
            capacity = initialCapacity
            base = .allocate(byteCount: capacity, alignment: 1)
        }
    }

    /// Appends `bytes`.
    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        if capacity &- count < bytes.count { grow(toHold: bytes.count) }
        assert(capacity - count >= bytes.count, "an append past the buffer's capacity")
        (base + count).copyMemory(from: source, byteCount: bytes.count)
        count &+= bytes.count
    }

    @inline(__always)
    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Appends a literal's UTF-8 bytes.
    @inline(__always)
    func append(_ literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends a text's UTF-8 bytes. (Not `append(_:)`: a string literal
    /// would pick it over the `StaticString` one.)
    func append(contentsOf text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a non-negative integer in decimal.
    @inline(__always)
    func appendDecimal(_ value: Int) {
        if capacity &- count < 20 { grow(toHold: 20) }
        count &+= writeDecimal(value, into: base + count)
        assert(count <= capacity, "a decimal written past the buffer's capacity")
    }

    @inline(never)
    private func grow(toHold extra: Int) {
        let (needed, overflow) = count.addingReportingOverflow(extra)
        precondition(!overflow, "results larger than memory")
        capacity = max(capacity * 2, needed)
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
        grown.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = grown
    }
}

extension [UInt8] {
    /// Appends a literal's UTF-8 bytes.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends a non-negative integer in decimal.
    mutating func appendDecimal(_ value: Int) {
        withUnsafeTemporaryAllocation(byteCount: 20, alignment: 1) { digits in
            append(contentsOf: UnsafeRawBufferPointer(rebasing: digits[..<writeDecimal(value, into: digits.baseAddress!)]))
        }
    }
}

/// Writes a non-negative integer in decimal at `start` (room for 20
/// bytes, enough for any `Int`): how many bytes it took.
@inline(__always)
func writeDecimal(_ value: Int, into start: UnsafeMutableRawPointer) -> Int {
    var remaining = UInt(value.magnitude)
    var width = 1
    var scale: UInt = 10
    while width < 20, remaining >= scale {
        width &+= 1
        if scale > UInt.max / 10 { break }
        scale &*= 10
    }
    var at = width
    repeat {
        at &-= 1
        start.storeBytes(of: UInt8(ascii: "0") &+ UInt8(remaining % 10), toByteOffset: at, as: UInt8.self)
        remaining /= 10
    } while remaining > 0
    return width
}
