// JSONReader's fast path: a body in memory whose keys are written plainly,
// read in one loop over the window with the grammar's own pieces (white
// space, separators, strings, values), handing anything else back to the
// general grammar.

extension JSONReader {
    /// Reads the body on the JSON Lines line that starts at the next byte,
    /// when it is written the plainest way: an object from the line's first
    /// byte, on that line alone, its keys written plainly, no value an array
    /// or object, nothing after it but white space. Then the reader is past
    /// the line's LF (or at the end of the input) and the body is in `kept`,
    /// at column 1 of `line`.
    ///
    /// `false` for any other line, what `kept` holds then being of no use:
    /// the line is for ``readBody(keys:into:)`` on a reader of that line
    /// alone, which judges it the same way when it is such a line. So each
    /// line of a block is read where it is, with one reader for the block,
    /// and what a line is (its end, its errors) is decided in one place.
    package mutating func plainLine(_ line: Int, keys: MemberKeys, into kept: inout KeptMembers) -> Bool {
        guard source == nil, !kept.locatesValues, index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return false }
        let start = index, outerDepth = depth
        kept.reset()
        kept.start = TextLocation(line: line, column: 1)
        do {
            if try plainMembers(keys: keys, into: &kept, withinLine: true) {
                Self.skipSpace(bytes, &index, withinLine: true)
                if index == bytes.count { return true }
                if bytes[index] == 0x0A {
                    index += 1
                    return true
                }
            }
        } catch {}
        index = start
        depth = outerDepth
        return false
    }

    /// ``readBody(keys:into:)`` of an object in memory whose keys are
    /// written plainly, on local copies of the position: `false` (nothing
    /// thrown) as soon as it meets something else, such as a key with an
    /// escape, an unknown key, or the end of the window; `withinLine`, also
    /// at an LF between tokens or an array or object value (which may hold
    /// one), so that what it reads never runs past its line.
    mutating func plainMembers(keys: MemberKeys, into kept: inout KeptMembers, withinLine: Bool) throws(JSONError) -> Bool {
        // Read through the buffer, not its base address: bounds-checked in
        // debug builds (the tests), unchecked in release ones, the same code.
        let bytes = bytes
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        assert(index < count && bytes[index] == UInt8(ascii: "{"), "plain members start at a brace in the window")
        var at = index + 1  // past the brace
        var nextSlot = 0
        depth += 1
        if depth > Self.maximumDepth { return false }
        Self.skipSpace(bytes, &at, withinLine: withinLine)
        if at < count, bytes[at] == UInt8(ascii: "}") {
            index = at + 1
            depth -= 1
            return true
        }
        while true {
            guard at < count, bytes[at] == UInt8(ascii: "\""),
                let (slot, length) = keys.plainSlot(at: base + at + 1, available: count - at - 1, first: nextSlot)
            else { return false }
            nextSlot = slot + 1
            at += length + 2
            guard Self.skipSeparator(UInt8(ascii: ":"), bytes, &at, withinLine: withinLine), at < count else { return false }
            if bytes[at] == UInt8(ascii: "\"") {
                let end = Self.plainRun(bytes, from: at + 1)
                if end < count, bytes[end] == UInt8(ascii: "\"") {
                    kept.setString(UnsafeBufferPointer(start: base + at + 1, count: end - at - 1), at: slot, borrowing: true)
                    at = end + 1
                } else {
                    index = at
                    try escapedString(at: slot, in: &kept)
                    at = index
                }
            } else {
                if withinLine, bytes[at] == UInt8(ascii: "[") || bytes[at] == UInt8(ascii: "{") { return false }
                index = at
                kept.set(try value(), at: slot)
                at = index
            }
            if Self.skipSeparator(UInt8(ascii: ","), bytes, &at, withinLine: withinLine) { continue }
            guard at < count, bytes[at] == UInt8(ascii: "}") else { return false }
            index = at + 1
            depth -= 1
            return true
        }
    }
}
