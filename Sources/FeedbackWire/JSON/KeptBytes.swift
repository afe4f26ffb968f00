/// The bytes of a body's kept strings that the reader could not borrow
/// from its input (decoded escapes, a string across windows), one after
/// another in one allocation reused from body to body.
///
/// A string is found by its offset, so growing the store moves nothing
/// that was kept: ``base`` is read only once the body is read.
@usableFromInline final class KeptBytes {
    /// The first byte; valid until the store grows or is emptied.
    // Unchecked: the store belongs to one reader's kept members, on one
    // thread, and no access to it overlaps another.
    @exclusivity(unchecked) @usableFromInline private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) @usableFromInline private(set) var count = 0
    /// The capacity kept from body to body; a larger store (a body with a
    /// long string) is given back when emptied.
    private static let retainedCapacity = 64 * 1024

    init() {
        capacity = 256
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Appends `bytes`, returning their offset.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let start = count
        if capacity - count < bytes.count {
            capacity = max(capacity * 2, count + bytes.count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
        }
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
        return start
    }

    /// Empties the store for the next body.
    func removeAll() {
        count = 0
        if capacity > Self.retainedCapacity {
            base.deallocate()
            capacity = 256
            base = .allocate(capacity: capacity)
        }
    }
}
