#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    private var bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read, in the window.
    private var index = 0
    /// The offset of the window's first byte in the whole input.
    private var windowOffset = 0
    /// Where more bytes come from; `nil`: the window is the whole input.
    private let source: JSONByteSource?
    private var depth = 0
    /// Whether the value being read is built; when not, it is only checked.
    private var building = true
    /// Whether arrays and objects are built with their contents (a whole
    /// text) or recorded by their type alone (a kept member's value).
    private var buildsContainers = true
    /// Whether the string being read is a key only compared with the keys
    /// to keep.
    private var comparingKey = false
    /// Decoded text of strings with escapes or across windows, reused.
    package var scratch: [UInt8] = []
    /// A known line and column, at ``trackedOffset``; advanced forward only.
    private var tracked = TextLocation(line: 1, column: 1)
    private var trackedOffset = 0

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

    /// Reads the object at the next byte as a request body: each member
    /// named in `keys` into its slot of `kept` (a duplicate key keeps its
    /// last value), everything else checked for syntax and dropped. A kept
    /// array or object is recorded by its type alone.
    ///
    /// The line and column of the body are recorded in `kept.start`; with
    /// `kept.locatesValues`, those of each kept value too.
    /// - Throws: ``JSONError``; ``JSONError/Reason/notObject`` (at the
    ///   value) when the value is well-formed but not an object.
    package mutating func readBody(keys: MemberKeys, into kept: inout KeptMembers) throws(JSONError) {
        kept.reset()
        kept.start = location(of: offset)  // also where a value that is not an object is reported
        guard more(), bytes[index] == UInt8(ascii: "{") else {
            let start = offset
            try skipValue()
            throw JSONError(.notObject, at: start)
        }
        let outerContainers = buildsContainers
        buildsContainers = false
        defer { buildsContainers = outerContainers }
        // Most bodies: in memory, every key written plainly. When that path
        // meets anything else it hands the body to the general one, which
        // reads it again from its start, in the same body (same slots).
        if source == nil, !kept.locatesValues {
            let start = index, outerDepth = depth
            if try plainMembers(keys: keys, into: &kept, withinLine: false) { return }
            index = start
            depth = outerDepth
        }
        guard try open(closing: UInt8(ascii: "}")) else { return }
        repeat {
            guard more(), bytes[index] == UInt8(ascii: "\"") else { throw syntaxError() }
            let slot = try key(in: keys)
            try colon()
            if let slot {
                if kept.locatesValues { kept.locations[slot] = location(of: offset) }
                if more(), bytes[index] == UInt8(ascii: "\"") {
                    try keptString(at: slot, in: &kept)
                } else {
                    kept.set(try value(), at: slot)
                }
            } else {
                try skipValue()
            }
        } while try another(closing: UInt8(ascii: "}"))
    }

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
            if try plainMembers(keys: keys, into: &kept, withinLine: true), let base = bytes.baseAddress {
                Self.skipSpace(base, bytes.count, &index, withinLine: true)
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
    private mutating func plainMembers(keys: MemberKeys, into kept: inout KeptMembers, withinLine: Bool) throws(JSONError) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        var at = index + 1  // past the brace
        var nextSlot = 0
        depth += 1
        if depth > Self.maximumDepth { return false }
        Self.skipSpace(base, count, &at, withinLine: withinLine)
        if at < count, base[at] == UInt8(ascii: "}") {
            index = at + 1
            depth -= 1
            return true
        }
        while true {
            guard at < count, base[at] == UInt8(ascii: "\""),
                let (slot, length) = keys.plainSlot(at: base + at + 1, available: count - at - 1, first: nextSlot)
            else { return false }
            nextSlot = slot + 1
            at += length + 2
            guard Self.skipSeparator(UInt8(ascii: ":"), base, count, &at, withinLine: withinLine), at < count else { return false }
            if base[at] == UInt8(ascii: "\"") {
                let end = Self.plainRun(bytes, from: at + 1)
                if end < count, base[end] == UInt8(ascii: "\"") {
                    kept.setString(UnsafeBufferPointer(start: base + at + 1, count: end - at - 1), at: slot, borrowing: true)
                    at = end + 1
                } else {
                    index = at
                    try escapedString(at: slot, in: &kept)
                    at = index
                }
            } else {
                if withinLine, base[at] == UInt8(ascii: "[") || base[at] == UInt8(ascii: "{") { return false }
                index = at
                kept.set(try value(), at: slot)
                at = index
            }
            if Self.skipSeparator(UInt8(ascii: ","), base, count, &at, withinLine: withinLine) { continue }
            guard at < count, base[at] == UInt8(ascii: "}") else { return false }
            index = at + 1
            depth -= 1
            return true
        }
    }

    /// Skips white space from `at` (not an LF when `withinLine`). Most
    /// often there is none, or one space (as `json.dumps` writes).
    @inline(__always)
    private static func skipSpace(_ base: UnsafePointer<UInt8>, _ count: Int, _ at: inout Int, withinLine: Bool) {
        if at < count, base[at] > 0x20 { return }
        if at + 1 < count, base[at] == 0x20, base[at + 1] > 0x20 {
            at += 1
            return
        }
        while at < count, base[at] <= 0x20,
            base[at] == 0x20 || base[at] == 0x0D || base[at] == 0x09 || (base[at] == 0x0A && !withinLine)
        {
            at += 1
        }
    }

    /// Steps over `separator` (`:` or `,`) at `at` and the white space
    /// around it: `false` when another byte comes first. Most often the
    /// separator comes at once, with one space after it or none.
    @inline(__always)
    private static func skipSeparator(_ separator: UInt8, _ base: UnsafePointer<UInt8>, _ count: Int, _ at: inout Int,
                                      withinLine: Bool) -> Bool {
        if at + 2 < count, base[at] == separator {
            if base[at + 1] > 0x20 {
                at += 1
                return true
            }
            if base[at + 1] == 0x20, base[at + 2] > 0x20 {
                at += 2
                return true
            }
        }
        skipSpace(base, count, &at, withinLine: withinLine)
        guard at < count, base[at] == separator else { return false }
        at += 1
        skipSpace(base, count, &at, withinLine: withinLine)
        return true
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

    // MARK: The grammar

    private mutating func value() throws(JSONError) -> JSONValue {
        guard more() else { throw error(.syntax) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string() ?? "")
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw syntaxError()
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONError) {
        let count = word.utf8CodeUnitCount
        _ = ensure(count)
        for offset in 0..<count {
            guard index < bytes.count else { throw error(.syntax) }
            guard bytes[index] == word.utf8Start[offset] else { throw syntaxError() }
            index += 1
        }
    }

    private mutating func object() throws(JSONError) -> JSONValue {
        let build = building && buildsContainers
        let outer = building
        building = build
        defer { building = outer }
        var members: [String: JSONValue] = [:]
        guard try open(closing: UInt8(ascii: "}")) else { return .object(members) }
        repeat {
            guard more(), bytes[index] == UInt8(ascii: "\"") else { throw syntaxError() }
            let key = try string()
            try colon()
            let value = try value()
            if build, let key { members[key] = value }  // a duplicate key keeps its last value
        } while try another(closing: UInt8(ascii: "}"))
        return .object(members)
    }

    private mutating func array() throws(JSONError) -> JSONValue {
        let build = building && buildsContainers
        let outer = building
        building = build
        defer { building = outer }
        var elements: [JSONValue] = []
        guard try open(closing: UInt8(ascii: "]")) else { return .array(elements) }
        repeat {
            let element = try value()
            if build { elements.append(element) }
        } while try another(closing: UInt8(ascii: "]"))
        return .array(elements)
    }

    /// Steps into an object or array: `false` when it is empty (and closed).
    private mutating func open(closing closer: UInt8) throws(JSONError) -> Bool {
        depth += 1
        if depth > Self.maximumDepth { throw error(.tooDeep) }
        index += 1
        skipWhitespace()
        guard more(), bytes[index] == closer else { return true }
        index += 1
        depth -= 1
        return false
    }

    /// After an element: `true` after a comma, `false` at the closing bracket.
    @inline(__always)
    private mutating func another(closing closer: UInt8) throws(JSONError) -> Bool {
        skipWhitespace()
        guard more() else { throw error(.syntax) }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            skipWhitespace()
            return true
        }
        guard bytes[index] == closer else { throw syntaxError() }
        index += 1
        depth -= 1
        return false
    }

    /// The `:` after a key, with white space around it.
    @inline(__always)
    private mutating func colon() throws(JSONError) {
        skipWhitespace()
        guard more(), bytes[index] == UInt8(ascii: ":") else { throw syntaxError() }
        index += 1
        skipWhitespace()
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        // Most often: no white space, or one space.
        if index < bytes.count, bytes[index] > 0x20 { return }
        if index + 1 < bytes.count, bytes[index] == 0x20, bytes[index + 1] > 0x20 {
            index += 1
            return
        }
        skipWhitespaceRun()
    }

    @inline(never)
    private mutating func skipWhitespaceRun() {
        repeat {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        } while refill()
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; its value
    /// only when building.
    private mutating func number() throws(JSONError) -> Double {
        var text = TextRun(start: index, keeps: building)
        func digits(_ reader: inout JSONReader, _ text: inout TextRun) -> Int {
            var count = 0
            while reader.more(text: &text), reader.bytes[reader.index] &- UInt8(ascii: "0") < 10 {
                reader.index += 1
                count += 1
            }
            return count
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard more(text: &text) else { throw error(.syntax) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits(&self, &text) == 0 {
            throw syntaxError()
        }
        if more(text: &text), bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self, &text) > 0 else { throw error(.syntax) }
        }
        if more(text: &text), bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if more(text: &text), bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self, &text) > 0 else { throw error(.syntax) }
        }
        guard building else { return 0 }
        let number = text.string(upTo: index, in: bytes, scratch: &scratch)
        return Double(number) ?? .infinity
    }

    /// A string starting at its opening quote, escapes decoded and UTF-8
    /// checked: its text when building (or comparing a key), else `nil`.
    private mutating func string() throws(JSONError) -> String? {
        index += 1
        var text = TextRun(start: index, keeps: building || comparingKey)
        while true {
            index = Self.plainRun(bytes, from: index)
            guard index < bytes.count else {
                guard refill(text: &text) else { throw error(.syntax) }  // unterminated
                continue
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return text.keeps ? text.string(upTo: index, in: bytes, scratch: &scratch) : nil
            } else {
                try stringByte(byte, text: &text)
            }
        }
    }

    /// A kept member's string value: plain ASCII in the window goes to its
    /// slot without a copy, and reuses the last body's string when equal.
    @inline(__always)
    private mutating func keptString(at slot: Int, in kept: inout KeptMembers) throws(JSONError) {
        let start = index + 1
        let end = Self.plainRun(bytes, from: start)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            index = end + 1
            kept.setString(UnsafeBufferPointer(rebasing: bytes[start..<end]), at: slot, borrowing: source == nil)
        } else {
            try escapedString(at: slot, in: &kept)
        }
    }

    /// ``keptString(at:in:)`` for a string with escapes or non-ASCII
    /// bytes, or one the window cuts.
    @inline(never)
    private mutating func escapedString(at slot: Int, in kept: inout KeptMembers) throws(JSONError) {
        if shortString(at: slot, in: &kept) { return }
        kept.set(.string(try string() ?? ""), at: slot)
    }

    /// A kept string of at most 128 bytes once decoded, all in the window,
    /// with escapes and non-ASCII scalars: decoded on the stack, then to its
    /// slot. `false`, nothing read, for anything else (longer, cut by the
    /// window, a lone surrogate, an error), which ``string()`` reads.
    private mutating func shortString(at slot: Int, in kept: inout KeptMembers) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count, capacity = 128
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { decoded -> Bool in
            var at = index + 1, length = 0
            func append(_ byte: UInt8) {
                decoded[length] = byte
                length += 1
            }
            while true {
                let run = Self.plainRun(bytes, from: at)
                guard length + (run - at) + 4 <= capacity else { return false }
                for offset in at..<run { append(base[offset]) }
                at = run
                guard at < count else { return false }
                let byte = base[at]
                if byte == UInt8(ascii: "\"") {
                    index = at + 1
                    kept.setString(UnsafeBufferPointer(rebasing: decoded[..<length]), at: slot, borrowing: false)
                    return true
                } else if byte == UInt8(ascii: "\\") {
                    guard at + 1 < count else { return false }
                    if let simple = JSONEscape.decoded(base[at + 1]) {
                        append(simple)
                    } else if base[at + 1] == UInt8(ascii: "u") {
                        guard var value = JSONEscape.hexValue(bytes, at: at + 2) else { return false }
                        at += 6
                        if value & 0xFC00 == 0xD800 {
                            guard at + 1 < count, base[at] == UInt8(ascii: "\\"), base[at + 1] == UInt8(ascii: "u"),
                                let low = JSONEscape.hexValue(bytes, at: at + 2), low & 0xFC00 == 0xDC00
                            else { return false }
                            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                            at += 6
                        } else if value & 0xFC00 == 0xDC00 {
                            return false
                        }
                        Self.encodeUTF8(value, append)
                        continue
                    } else {
                        return false
                    }
                    at += 2
                } else if byte < 0x20 {
                    return false
                } else {
                    guard let width = Self.scalarWidth(bytes, at: at) else { return false }
                    for offset in at..<(at + width) { append(base[offset]) }
                    at += width
                }
            }
        }
    }

    /// Hands the UTF-8 encoding of a scalar value to `append`, byte by byte.
    @inline(__always)
    private static func encodeUTF8(_ value: UInt32, _ append: (UInt8) -> Void) {
        switch value {
        case ..<0x80:
            append(UInt8(value))
        case ..<0x800:
            append(0xC0 | UInt8(value >> 6))
            append(0x80 | UInt8(value & 0x3F))
        case ..<0x10000:
            append(0xE0 | UInt8(value >> 12))
            append(0x80 | UInt8(value >> 6 & 0x3F))
            append(0x80 | UInt8(value & 0x3F))
        default:
            append(0xF0 | UInt8(value >> 18))
            append(0x80 | UInt8(value >> 12 & 0x3F))
            append(0x80 | UInt8(value >> 6 & 0x3F))
            append(0x80 | UInt8(value & 0x3F))
        }
    }

    /// The key at the next byte, looked up in `keys` without building a
    /// string when it has no escape: its slot, or `nil`.
    @inline(__always)
    private mutating func key(in keys: MemberKeys) throws(JSONError) -> Int? {
        let start = index + 1
        if start < bytes.count, let (slot, length) = keys.plainSlot(at: bytes.baseAddress! + start, available: bytes.count - start) {
            index = start + length + 1
            return slot
        }
        let end = Self.plainRun(bytes, from: start)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {  // the common case: plain ASCII in the window
            index = end + 1
            return keys.slot(of: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        return try escapedKey(in: keys)
    }

    /// ``key(in:)`` for a key with escapes or non-ASCII bytes, or one the
    /// window cuts: decoded, bounded by the longest key to keep (a longer
    /// one is checked but not kept, so a huge key costs no memory).
    @inline(never)
    private mutating func escapedKey(in keys: MemberKeys) throws(JSONError) -> Int? {
        comparingKey = true
        defer { comparingKey = false }
        scratch.removeAll(keepingCapacity: true)
        let outer = building
        building = false
        defer { building = outer }
        guard try boundedKey(limit: keys.longest) else { return nil }
        return scratch.withUnsafeBufferPointer { keys.slot(of: $0) }
    }

    /// Reads a key compared with the keys to keep, decoded into `scratch`
    /// when it has at most `limit` bytes: whether it has (a longer one is
    /// still read to its end).
    private mutating func boundedKey(limit: Int) throws(JSONError) -> Bool {
        index += 1
        var text = TextRun(start: index, keeps: true)
        var tooLong = false
        while true {
            index = Self.plainRun(bytes, from: index)
            if !tooLong, text.length(upTo: index, scratch: scratch) > limit {
                tooLong = true
                text.keeps = false
                scratch.removeAll(keepingCapacity: true)
            }
            guard index < bytes.count else {
                guard refill(text: &text) else { throw error(.syntax) }
                continue
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                if tooLong { return false }
                text.flush(upTo: index, from: bytes, into: &scratch)
                return true
            } else {
                try stringByte(byte, text: &text)
            }
        }
    }

    /// The byte at `index` inside a string, neither its closing quote nor
    /// past the window: an escape (decoded into `scratch` when `text`
    /// keeps), a control byte (an error), or a scalar (its UTF-8 checked).
    @inline(__always)
    private mutating func stringByte(_ byte: UInt8, text: inout TextRun) throws(JSONError) {
        if byte == UInt8(ascii: "\\") {
            text.flush(upTo: index, from: bytes, into: &scratch)
            if bytes.count - index < 12 { _ = refill(text: &text, ifFewerThan: 12) }
            try escape(keeping: text.keeps)
            text.start = index
        } else if byte < 0x20 {
            throw error(.syntax)
        } else {
            if bytes.count - index < 4 { _ = refill(text: &text, ifFewerThan: 4) }
            try skipScalar()
        }
    }

    /// The end of the run from `start` of bytes that a string holds as they
    /// are: printable ASCII other than `"` and `\`. Eight bytes a step.
    @inline(__always)
    private static func plainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        guard let address = bytes.baseAddress else { return index }
        let base = UnsafeRawPointer(address)
        while bytes.count - index >= 8 {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20) & ~word | word
            let found = special & highs
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return index }
            index += 1
        }
        return index
    }

    /// Decodes the escape at `index`, into `scratch` when `keeping`.
    private mutating func escape(keeping: Bool) throws(JSONError) {
        let start = index
        guard index + 1 < bytes.count else { throw error(.syntax) }
        let code = bytes[index + 1]
        index += 2
        if let simple = JSONEscape.decoded(code) {
            if keeping { scratch.append(simple) }
            return
        }
        guard code == UInt8(ascii: "u") else { throw error(.syntax) }
        var value = try hex4()
        if value & 0xFC00 == 0xD800,  // a high surrogate: its low pair should follow
            index + 5 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        {
            let pairStart = index
            index += 2
            let low = try hex4()
            if low & 0xFC00 == 0xDC00 {
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else {
                index = pairStart  // not its pair: the next escape stands alone
            }
        }
        guard let scalar = Unicode.Scalar(value) else {
            // A lone surrogate is valid JSON, but no Swift string holds it. A
            // value only checked, or a key only compared with member names,
            // takes U+FFFD (no member name holds it); a value kept for
            // judging cannot be judged.
            guard !building || comparingKey else { throw JSONError(.loneSurrogate, at: windowOffset + start) }
            if keeping { scratch += [0xEF, 0xBF, 0xBD] }
            return
        }
        if keeping { Self.appendUTF8(scalar.value, to: &scratch) }
    }

    /// Appends the UTF-8 encoding of a scalar value.
    @inline(__always)
    private static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        encodeUTF8(value) { bytes.append($0) }
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw error(.syntax) }
            let byte = bytes[index]
            guard let digit = JSONEscape.hexDigit(byte) else { throw error(.syntax) }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Steps over one well-formed multi-byte UTF-8 scalar (no overlongs, no
    /// surrogates, nothing above U+10FFFF).
    private mutating func skipScalar() throws(JSONError) {
        guard let width = Self.scalarWidth(bytes, at: index) else { throw error(.notUTF8) }
        index += width
    }

    /// The width of the well-formed multi-byte UTF-8 sequence at `index`,
    /// or `nil` when none starts there.
    private static func scalarWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let width: Int, low: UInt8, high: UInt8  // allowed range of the second byte
        switch lead {
        case 0xC2...0xDF: (width, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (width, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (width, low, high) = (3, 0x80, 0xBF)
        case 0xED: (width, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (width, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (width, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (width, low, high) = (4, 0x80, 0x8F)
        default: return nil
        }
        guard bytes.count - index >= width, (low...high).contains(bytes[index + 1]) else { return nil }
        for offset in 2..<width where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return width
    }

    // MARK: Errors

    /// The error for the unexpected byte at `index`: `notUTF8` when no
    /// well-formed UTF-8 sequence starts there, else `syntax`.
    private mutating func syntaxError() -> JSONError {
        _ = ensure(4)
        guard index < bytes.count, bytes[index] >= 0x80 else { return error(.syntax) }
        return error(Self.scalarWidth(bytes, at: index) == nil ? .notUTF8 : .syntax)
    }

    /// `reason`, found at the current byte.
    private func error(_ reason: JSONError.Reason) -> JSONError {
        JSONError(reason, at: windowOffset + min(index, bytes.count))
    }

    // MARK: The window

    /// Whether a byte is left to read, refilling the window when needed.
    @inline(__always)
    private mutating func more() -> Bool {
        index < bytes.count || refill()
    }

    /// ``more()`` inside a run of text: what the window held of it is kept
    /// first, when it is kept.
    @inline(__always)
    private mutating func more(text: inout TextRun) -> Bool {
        index < bytes.count || refill(text: &text)
    }

    /// Whether at least `count` bytes are left, refilling while fewer are.
    private mutating func ensure(_ count: Int) -> Bool {
        while bytes.count - index < count {
            guard refill() else { return false }
        }
        return true
    }

    /// Asks the source for more bytes, keeping the unread ones: `false` at
    /// the end of the input.
    @inline(never)
    private mutating func refill() -> Bool {
        guard let source else { return false }
        _ = location(of: windowOffset + index)  // the bytes let go of still count for lines
        guard let window = source.refill(keepingFrom: index) else { return false }
        windowOffset += index
        bytes = window
        index = 0
        return true
    }

    /// ``refill()`` in the middle of `text`, which is kept first; with
    /// `ifFewerThan`, only while fewer bytes than that are left.
    private mutating func refill(text: inout TextRun, ifFewerThan count: Int = 1) -> Bool {
        guard source != nil else { return false }
        text.flush(upTo: index, from: bytes, into: &scratch)
        var refilled = false
        while bytes.count - index < count, refill() { refilled = true }
        text.start = index
        return refilled
    }
}

/// A run of text being read: where it starts in the window, and whether it
/// moved to the reader's scratch buffer (after an escape, or when the
/// window moved on).
private struct TextRun {
    var start: Int
    /// Whether the text is wanted; when not, nothing is copied.
    var keeps: Bool
    var inScratch = false

    init(start: Int, keeps: Bool) {
        self.start = start
        self.keeps = keeps
    }

    /// Moves the window's part, up to `end`, to `scratch`.
    mutating func flush(upTo end: Int, from bytes: UnsafeBufferPointer<UInt8>, into scratch: inout [UInt8]) {
        guard keeps else { return }
        if !inScratch {
            scratch.removeAll(keepingCapacity: true)
            inScratch = true
        }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        start = end
    }

    /// Its length so far, in bytes.
    func length(upTo end: Int, scratch: [UInt8]) -> Int {
        (inScratch ? scratch.count : 0) + end - start
    }

    /// The whole text, ending at `end` in the window.
    mutating func string(upTo end: Int, in bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> String {
        guard inScratch else { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
        flush(upTo: end, from: bytes, into: &scratch)
        defer { if scratch.capacity > 1 << 20 { scratch = [] } }  // a huge value's buffer is not kept
        return String(decoding: scratch, as: UTF8.self)
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

/// A line and column in a text: lines end at LF, columns count Unicode
/// scalars; both from 1.
package struct TextLocation: Sendable, Hashable {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Moves past `bytes` (well-formed UTF-8, or at least whole lines).
    mutating func advance(over bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        // Whole lines: jump from LF to LF.
        while start < bytes.count,
            let found = memchrByte(base + start, 0x0A, bytes.count - start)
        {
            line += 1
            column = 1
            start = found - base + 1
        }
        column += Self.scalars(in: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// The number of scalars in well-formed UTF-8: the bytes that do not
    /// continue a sequence, eight at a time.
    private static func scalars(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = bytes.count
        var index = 0
        guard let address = bytes.baseAddress else { return 0 }
        let base = UnsafeRawPointer(address)
        while bytes.count - index >= 8 {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            // 10xxxxxx: bit 7 set, bit 6 clear.
            count -= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 == 0x80 { count -= 1 }
            index += 1
        }
        return count
    }
}

/// `memchr` as a typed pointer.
@inline(__always)
func memchrByte(_ from: UnsafePointer<UInt8>, _ byte: UInt8, _ count: Int) -> UnsafePointer<UInt8>? {
    memchr(from, Int32(byte), count).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
}
