/// What a body read kept: each slot's value, where it starts, and, when
/// asked for, the line and column of the body and of each value.
///
/// A kept string is held as its UTF-8 bytes, never as a `String` unless one
/// is asked for (``string(at:)``): in the input itself when the reader may
/// borrow it (a string written plainly, inside the input ``lend(_:)``
/// lent until ``endLoan()``), else copied into the members' own byte store.
///
/// Reused from body to body without clearing: a slot holds a value only
/// when it was set during the current body (its stamp is the current
/// body's), so a new body costs nothing.
package struct KeptMembers {
    /// The JSON type of a kept value.
    package enum Kind: UInt8, Sendable {
        case absent, null, string, number, boolean, array, object
    }

    /// One member's slot.
    @usableFromInline struct Slot {
        @usableFromInline var kind = Kind.absent
        /// A string's first byte in the input, or `nil` when it is at
        /// ``start`` in the byte store.
        @usableFromInline var borrowed: UnsafePointer<UInt8>?
        /// A string's offset in the byte store (when not borrowed), and its length.
        @usableFromInline var start = 0, count = 0
        /// The value, for a number or a boolean.
        @usableFromInline var scalar: JSONValue?
        /// The body it was last set in.
        @usableFromInline var stamp: UInt32 = 0
        @usableFromInline init() {}
    }

    @usableFromInline var slots: [Slot]
    /// The current body.
    @usableFromInline var body: UInt32 = 1
    /// The bytes of the current body's strings that are not borrowed.
    @usableFromInline let store = KeptBytes()
    /// The line and column of each kept value (when ``locatesValues``).
    package var locations: [TextLocation]
    /// The line and column of the body's first byte.
    package var start = TextLocation(line: 1, column: 1)
    /// Whether reading records lines and columns.
    package var locatesValues = false
    /// The input a string written plainly may be kept in, not copied:
    /// lent by a caller that judges each body before that input goes away
    /// (``lend(_:)``, ``endLoan()``). A borrowed slot read outside the loan
    /// that holds it fails an assertion (debug builds).
    @usableFromInline private(set) var loan: UnsafeBufferPointer<UInt8>?

    /// Room for `count` slots.
    package init(count: Int) {
        slots = Array(repeating: Slot(), count: count)
        locations = Array(repeating: TextLocation(line: 1, column: 1), count: count)
    }

    /// Lets the slots borrow strings from `input` until ``endLoan()``,
    /// which must come before `input` goes away.
    package mutating func lend(_ input: UnsafeBufferPointer<UInt8>) {
        assert(loan == nil, "an input lent while another is")
        loan = input
    }

    /// Ends the loan of ``lend(_:)``: the strings borrowed from the input
    /// may no longer be read (a new body overwrites them).
    package mutating func endLoan() {
        loan = nil
    }

    /// Whether the loan holds the `count` bytes at `start`.
    @usableFromInline
    func loanHolds(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard let loan, let base = loan.baseAddress else { return false }
        return start >= base && count <= base.distance(to: start).distance(to: loan.count)
    }

    /// Starts a body: every slot empty.
    mutating func reset() {
        body &+= 1
        if body == 0 {  // wrapped: stamps of old bodies could match again
            for slot in slots.indices { slots[slot].stamp = 0 }
            body = 1
        }
        store.removeAll()
    }

    /// The JSON type of the current body's value in `slot`.
    @inlinable @inline(__always)
    package func kind(at slot: Int) -> Kind {
        slots[slot].stamp == body ? slots[slot].kind : .absent
    }

    /// Whether every kept value is a string, `null` or absent: what a
    /// request's members can be.
    package var holdsOnlyStrings: Bool {
        for slot in slots.indices {
            switch kind(at: slot) {
            case .absent, .null, .string: continue
            case .number, .boolean, .array, .object: return false
            }
        }
        return true
    }

    /// The UTF-8 of the current body's string in `slot` (well-formed), or
    /// `nil`. Valid until the next body is read, and while the input is
    /// when it is borrowed.
    @inlinable @inline(__always)
    package func bytes(at slot: Int) -> UnsafeBufferPointer<UInt8>? {
        guard kind(at: slot) == .string else { return nil }
        let kept = slots[slot]
        if let borrowed = kept.borrowed {
            assert(loanHolds(borrowed, count: kept.count), "a borrowed string read outside its input's loan")
            return UnsafeBufferPointer(start: borrowed, count: kept.count)
        }
        assert(kept.start >= 0 && kept.count <= store.count - kept.start, "a kept string outside the byte store")
        return UnsafeBufferPointer(start: UnsafePointer(store.base + kept.start), count: kept.count)
    }

    /// The current body's string in `slot`, or `nil`.
    package func string(at slot: Int) -> String? {
        bytes(at: slot).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The value the current body holds in `slot`, or `nil`.
    package func value(at slot: Int) -> JSONValue? {
        switch kind(at: slot) {
        case .absent: nil
        case .null: .null
        case .string: string(at: slot).map(JSONValue.string)
        case .number, .boolean: slots[slot].scalar
        case .array: .array([])
        case .object: .object([:])
        }
    }

    /// Sets `slot`'s value for the current body.
    mutating func set(_ value: JSONValue, at slot: Int) {
        switch value {
        case .null: slots[slot].kind = .null
        case .string(var string):
            string.withUTF8 { setString($0, at: slot, borrowing: false) }
        case .number: slots[slot].kind = .number; slots[slot].scalar = value
        case .bool: slots[slot].kind = .boolean; slots[slot].scalar = value
        case .array: slots[slot].kind = .array
        case .object: slots[slot].kind = .object
        }
        slots[slot].stamp = body
    }

    /// Sets `slot` to the string whose UTF-8 (well-formed) is `bytes`:
    /// kept where it is when `borrowing` (and lent: ``lend(_:)``), else
    /// copied into the byte store.
    @inline(__always)
    mutating func setString(_ bytes: UnsafeBufferPointer<UInt8>, at slot: Int, borrowing: Bool) {
        let borrowed = borrowing && loan != nil ? bytes.baseAddress : nil
        assert(borrowed == nil || loanHolds(borrowed!, count: bytes.count), "a string borrowed from outside the lent input")
        let start = borrowed == nil ? store.append(bytes) : 0
        slots.withUnsafeMutableBufferPointer { slots in
            slots[slot].stamp = body
            slots[slot].kind = .string
            slots[slot].borrowed = borrowed
            slots[slot].start = start
            slots[slot].count = bytes.count
        }
    }

    /// The kept members by name.
    package func dictionary(names: [String]) -> [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        for slot in names.indices { if let value = value(at: slot) { members[names[slot]] = value } }
        return members
    }
}
