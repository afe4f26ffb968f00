import FeedbackRules
import FeedbackWire

/// Rendered text by the failures it is for, so that each message is built
/// and escaped once however often it recurs.
///
/// A report is its failures (which member failed which constraint: one
/// word) and the values its messages show, which are the failing members'
/// values when not sensitive (the engine never shows a sensitive one). So
/// the key is that word with those members' bytes from the body: cheap to
/// hash and compare, no violation or message built, no string made. The
/// cache is direct-mapped: its size is fixed, so unique values cannot grow
/// it.
struct RenderCache<Rendered> {
    private final class Entry {
        let failures: FailedConstraints
        /// The shown members' values, in member order.
        let values: [[UInt8]]
        let rendered: Rendered
        init(failures: FailedConstraints, values: [[UInt8]], rendered: Rendered) {
            self.failures = failures
            self.values = values
            self.rendered = rendered
        }
    }

    /// The entries, each retained once by the table and read in place:
    /// a lookup counts no references.
    private final class Table {
        static var count: Int { 1024 }
        let slots = UnsafeMutablePointer<Unmanaged<Entry>?>.allocate(capacity: count)
        init() { slots.initialize(repeating: nil, count: Self.count) }
        deinit {
            for index in 0..<Self.count { slots[index]?.release() }
            slots.deallocate()
        }
    }

    // One cache per renderer, one renderer per thread: the table is never
    // shared between threads.
    private let table = Table()

    /// Calls `use` with the rendering of `failures` (the engine's on
    /// `kept`), made by `render` from the report's violations when not
    /// known. The rendering is lent to `use`, not copied out.
    @inline(__always)
    func withRendering(of failures: FailedConstraints, kept: KeptMembers, operation: FeedbackOperation,
                       render: ([Violation]) -> Rendered, _ use: (borrowing Rendered) -> Void) {
        let shown = failures.shownMembers
        let index = Self.fingerprint(failures, shown: shown, kept: kept, operation: operation) & (Table.count - 1)
        assert(index >= 0 && index < Table.count, "a cache slot outside the table")
        let cached = table.slots[index]
        let hit = cached?._withUnsafeGuaranteedRef { entry in
            guard Self.matches(entry, failures, shown: shown, kept: kept, operation: operation) else { return false }
            use(entry.rendered)
            return true
        }
        if hit == true { return }
        var values: [[UInt8]] = []
        Self.forEachMember(in: shown) { member in
            values.append(Self.bytes(of: member, in: kept, operation: operation).map { Array($0) } ?? [])
        }
        let violations = failures.violations { member in operation.slot(of: member).flatMap { kept.string(at: $0) } }
        let entry = Entry(failures: failures, values: values, rendered: render(violations))
        table.slots[index] = Unmanaged.passRetained(entry)
        cached?.release()
        use(entry.rendered)
    }

    /// The rendering of `failures` (``withRendering(of:kept:operation:render:_:)``),
    /// copied out of the cache.
    func rendering(of failures: FailedConstraints, kept: KeptMembers, operation: FeedbackOperation,
                   _ render: ([Violation]) -> Rendered) -> Rendered {
        var rendering: Rendered?
        withRendering(of: failures, kept: kept, operation: operation, render: render) { rendering = copy $0 }
        return rendering!
    }

    /// The bytes of `member`'s value in the body (a string, when shown).
    @inline(__always)
    private static func bytes(of member: Member, in kept: KeptMembers, operation: FeedbackOperation) -> UnsafeBufferPointer<UInt8>? {
        operation.slot(of: member).flatMap { kept.bytes(at: $0) }
    }

    private static func matches(_ entry: Entry, _ failures: FailedConstraints, shown: UInt8, kept: KeptMembers,
                                operation: FeedbackOperation) -> Bool {
        guard entry.failures == failures else { return false }
        guard shown != 0 else { return true }
        var index = 0, equal = true
        forEachMember(in: shown) { member in
            let value = entry.values[index]
            index += 1
            let bytes = Self.bytes(of: member, in: kept, operation: operation) ?? UnsafeBufferPointer(start: nil, count: 0)
            guard equal, bytes.count == value.count else { equal = false; return }
            if bytes.isEmpty { return }
            equal = value.withUnsafeBufferPointer { equalBytes($0.baseAddress!, bytes.baseAddress, bytes.count) }
        }
        return equal
    }

    /// Calls `body` with each member whose bit is set in `members`
    /// (``FailedConstraints/shownMembers``), in member order.
    @inline(__always)
    private static func forEachMember(in members: UInt8, _ body: (Member) -> Void) {
        var remaining = members
        while remaining != 0 {
            body(Member.allCases[remaining.trailingZeroBitCount])
            remaining &= remaining &- 1
        }
    }

    private static func fingerprint(_ failures: FailedConstraints, shown: UInt8, kept: KeptMembers, operation: FeedbackOperation) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ value: UInt64) { hash = (hash ^ value) &* 0x0000_0100_0000_01B3 }
        mix(failures.bits)
        forEachMember(in: shown) { member in
            guard let bytes = Self.bytes(of: member, in: kept, operation: operation) else { return }
            mix(UInt64(truncatingIfNeeded: bytes.count))
            if bytes.count >= 8 {
                let raw = UnsafeRawPointer(bytes.baseAddress!)
                mix(raw.loadUnaligned(as: UInt64.self))
                mix(raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
            } else {
                for byte in bytes { mix(UInt64(byte)) }
            }
        }
        return Int(truncatingIfNeeded: hash >> 17)
    }
}
