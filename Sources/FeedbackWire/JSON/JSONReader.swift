/// The project's one JSON reader: strict RFC 8259, one pass over the bytes,
/// UTF-8 validated inside strings only (outside them JSON is ASCII), no
/// Foundation objects. It reads a whole text in memory or a stream through
/// a window that a ``JSONByteSource`` refills, so nothing but the values it
/// builds grows with the input.
///
/// Decisions, the project's (the service's JSON layer is Coral's own, and
/// how it treats these is not public): a leading UTF-8 byte order mark is
/// skipped; a duplicate key keeps its last value (one of the readings the
/// `DuplicateKey` vectors allow); nesting deeper than ``maximumDepth`` is
/// refused. Trailing
/// commas, comments, single quotes, `NaN` and leading zeros are errors
/// (Foundation's `JSONSerialization`, which this replaced, accepted trailing
/// commas). A `\uD800` escape without its pair is refused in a value that
/// is built, since no Swift string can hold it; in a value only checked, or
/// a key only compared with the keys to keep, it is valid JSON and read as
/// U+FFFD. An error is reported at the first byte that makes the text not
/// JSON, and reading stops there: `notUTF8` when that byte begins no
/// well-formed UTF-8 sequence, else `syntax`.
///
/// Reading a body (``readBody(keys:into:)``) keeps only the top-level
/// members named in a ``MemberKeys`` table, each in its own slot; every
/// other member, and the contents of the kept members' arrays and objects,
/// is checked for syntax and dropped. Memory then stays bounded by the kept
/// members' values, whatever else a hostile body holds.
package struct JSONReader {
    /// The deepest nesting accepted, as in Foundation's `JSONSerialization`.
    package static let maximumDepth = 512

    /// The current window of the input.
    var bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read, in the window.
    var index = 0
    /// The offset of the window's first byte in the whole input.
    var windowOffset = 0
    /// Where more bytes come from; `nil`: the window is the whole input.
    let source: JSONByteSource?
    var depth = 0
    /// Whether the value being read is built; when not, it is only checked.
    var building = true
    /// Whether arrays and objects are built with their contents (a whole
    /// text) or recorded by their type alone (a kept member's value).
    var buildsContainers = true
    /// Whether the string being read is a key only compared with the keys
    /// to keep.
    var comparingKey = false
    /// Decoded text of strings with escapes or across windows, reused.
    package var scratch: [UInt8] = []
    /// A known line and column, at ``trackedOffset``; advanced forward only.
    var tracked = TextLocation(line: 1, column: 1)
    var trackedOffset = 0

    /// A reader of `bytes`, refilled from `source` when it is given.
    package init(_ bytes: UnsafeBufferPointer<UInt8>, source: JSONByteSource? = nil) {
        self.bytes = bytes
        self.source = source
    }

    // MARK: Whole texts

    /// Parses one JSON text held whole in memory.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> JSONValue {
        var reader = JSONReader(bytes)
        try reader.startDocument()
        let value = try reader.value()
        try reader.finishDocument()
        return value
    }

    /// Parses one JSON text that must be an object, keeping only the members
    /// named in `keys` (see ``readBody(keys:into:)``).
    static func parseObject(_ bytes: UnsafeBufferPointer<UInt8>, keeping keys: MemberKeys) throws(JSONError) -> KeptMembers {
        var reader = JSONReader(bytes)
        var kept = KeptMembers(count: keys.count)
        try reader.startDocument()
        try reader.readBody(keys: keys, into: &kept)
        try reader.finishDocument()
        return kept
    }

    // MARK: Stepping through a document

    /// Skips a leading byte order mark and white space; throws
    /// ``JSONError/Reason/empty`` when nothing else follows.
    package mutating func startDocument() throws(JSONError) {
        if ensure(3), bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { index += 3 }
        skipWhitespace()
        guard more() else { throw error(.empty) }
    }

    /// Skips trailing white space; anything else is an error.
    package mutating func finishDocument() throws(JSONError) {
        skipWhitespace()
        guard !more() else { throw syntaxError() }
    }

    /// The next byte, without reading it; `nil` at the end of the input.
    package mutating func peek() -> UInt8? {
        more() ? bytes[index] : nil
    }

    /// The byte at `offset` in the whole input, while the window holds it.
    package func peekByte(at offset: Int) -> UInt8? {
        let position = offset - windowOffset
        return position >= 0 && position < bytes.count ? bytes[position] : nil
    }

    /// The offset of the next byte in the whole input.
    package var offset: Int { windowOffset + index }

    /// Goes to the byte at `offset` of an input held whole in memory.
    package mutating func move(to offset: Int) {
        precondition(source == nil && offset >= 0 && offset <= bytes.count, "a reader moves only within an input held whole")
        index = offset
    }

    /// Steps into the array at the next byte: `false` when it is empty (and
    /// closed). Then, after each element, ``nextElement()``.
    package mutating func openArray() throws(JSONError) -> Bool {
        try open(closing: UInt8(ascii: "]"))
    }

    /// After an array element: `true` when another follows (white space
    /// skipped), `false` at the closing bracket.
    package mutating func nextElement() throws(JSONError) -> Bool {
        try another(closing: UInt8(ascii: "]"))
    }

    /// Reads a value and drops it, checking its syntax only.
    package mutating func skipValue() throws(JSONError) {
        let outer = building
        building = false
        defer { building = outer }
        _ = try value()
    }

    // MARK: Positions

    /// The line and column (in Unicode scalars, from 1; lines end at LF) of
    /// the byte at `offset`, which must not precede an offset located
    /// before, nor the current window.
    package mutating func location(of offset: Int) -> TextLocation {
        let target = min(offset, windowOffset + bytes.count)
        if target > trackedOffset {
            let from = max(trackedOffset - windowOffset, 0)
            tracked.advance(over: UnsafeBufferPointer(rebasing: bytes[from..<(target - windowOffset)]))
            trackedOffset = target
        }
        return tracked
    }

    /// Declares that the input starts at `location`: a line of a JSON Lines
    /// stream starts at its line's first column.
    package mutating func setStart(_ location: TextLocation) {
        tracked = location
        trackedOffset = windowOffset + index
    }

    // MARK: Errors

    /// The error for the unexpected byte at `index`: `notUTF8` when no
    /// well-formed UTF-8 sequence starts there, else `syntax`.
    mutating func syntaxError() -> JSONError {
        _ = ensure(4)
        guard index < bytes.count, bytes[index] >= 0x80 else { return error(.syntax) }
        return error(Self.scalarWidth(bytes, at: index) == nil ? .notUTF8 : .syntax)
    }

    /// `reason`, found at the current byte.
    func error(_ reason: JSONError.Reason) -> JSONError {
        JSONError(reason, at: windowOffset + min(index, bytes.count))
    }

    // MARK: The window

    /// Whether a byte is left to read, refilling the window when needed.
    @inline(__always)
    mutating func more() -> Bool {
        index < bytes.count || refill()
    }

    /// ``more()`` inside a run of text: what the window held of it is kept
    /// first, when it is kept.
    @inline(__always)
    mutating func more(text: inout TextRun) -> Bool {
        index < bytes.count || refill(text: &text)
    }

    /// Whether at least `count` bytes are left, refilling while fewer are.
    mutating func ensure(_ count: Int) -> Bool {
        while bytes.count - index < count {
            guard refill() else { return false }
        }
        return true
    }

    /// Asks the source for more bytes, keeping the unread ones: `false` at
    /// the end of the input.
    @inline(never)
    mutating func refill() -> Bool {
        guard let source else { return false }
        _ = location(of: windowOffset + index)  // the bytes let go of still count for lines
        assert(index >= 0 && index <= bytes.count, "the position outside the window")
        guard let window = source.refill(keepingFrom: index) else { return false }
        assert(window.count >= bytes.count - index, "a refill that drops unread bytes")
        windowOffset += index
        bytes = window
        index = 0
        return true
    }

    /// ``refill()`` in the middle of `text`, which is kept first; with
    /// `ifFewerThan`, only while fewer bytes than that are left.
    mutating func refill(text: inout TextRun, ifFewerThan count: Int = 1) -> Bool {
        guard source != nil else { return false }
        text.flush(upTo: index, from: bytes, into: &scratch)
        var refilled = false
        while bytes.count - index < count, refill() { refilled = true }
        text.start = index
        return refilled
    }
}

/// Where a streaming ``JSONReader`` gets more bytes.
package protocol JSONByteSource: AnyObject {
    /// The next window: the current window's bytes from `consumed` on,
    /// followed by newly read ones; `nil` when no byte is left to add (the
    /// reader then keeps its window). The window stays valid until the next
    /// call.
    func refill(keepingFrom consumed: Int) -> UnsafeBufferPointer<UInt8>?
}
