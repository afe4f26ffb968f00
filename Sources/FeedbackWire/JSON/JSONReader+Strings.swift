// JSONReader's strings (RFC 8259 §7, §8.1): runs of plain bytes, escapes
// (decoded by JSONEscape, shared with the redactor), UTF-8 checks, keys
// looked up in a MemberKeys table, and the kept members' strings.

extension JSONReader {
    /// A string starting at its opening quote, escapes decoded and UTF-8
    /// checked: its text when building (or comparing a key), else `nil`.
    mutating func string() throws(JSONError) -> String? {
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
    mutating func keptString(at slot: Int, in kept: inout KeptMembers) throws(JSONError) {
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
    mutating func escapedString(at slot: Int, in kept: inout KeptMembers) throws(JSONError) {
        if shortString(at: slot, in: &kept) { return }
        kept.set(.string(try string() ?? ""), at: slot)
    }

    /// A kept string of at most 128 bytes once decoded, all in the window,
    /// with escapes and non-ASCII scalars: decoded on the stack, then to its
    /// slot. `false`, nothing read, for anything else (longer, cut by the
    /// window, a lone surrogate, an error), which ``string()`` reads.
    mutating func shortString(at slot: Int, in kept: inout KeptMembers) -> Bool {
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
                    // Anything but a scalar (an error, a lone surrogate) is for string().
                    guard let (value, width) = try? JSONEscape.decode(bytes, at: at), !JSONEscape.isSurrogate(value)
                    else { return false }
                    JSONEscape.encodeUTF8(value, append)
                    at += width
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

    /// The key at the next byte, looked up in `keys` without building a
    /// string when it has no escape: its slot, or `nil`.
    @inline(__always)
    mutating func key(in keys: MemberKeys) throws(JSONError) -> Int? {
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
    mutating func escapedKey(in keys: MemberKeys) throws(JSONError) -> Int? {
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
    mutating func boundedKey(limit: Int) throws(JSONError) -> Bool {
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
    mutating func stringByte(_ byte: UInt8, text: inout TextRun) throws(JSONError) {
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
    static func plainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
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
    mutating func escape(keeping: Bool) throws(JSONError) {
        let start = index
        let decoded: (value: UInt32, width: Int)
        do {
            decoded = try JSONEscape.decode(bytes, at: index)
        } catch {
            index = error.offset
            throw self.error(.syntax)
        }
        index += decoded.width
        guard !JSONEscape.isSurrogate(decoded.value) else {
            // A lone surrogate is valid JSON, but no Swift string holds it. A
            // value only checked, or a key only compared with member names,
            // takes U+FFFD (no member name holds it); a value kept for
            // judging cannot be judged.
            guard !building || comparingKey else { throw JSONError(.loneSurrogate, at: windowOffset + start) }
            if keeping { JSONEscape.encodeUTF8(0xFFFD) { scratch.append($0) } }
            return
        }
        if keeping { JSONEscape.encodeUTF8(decoded.value) { scratch.append($0) } }
    }

    /// Steps over one well-formed multi-byte UTF-8 scalar (no overlongs, no
    /// surrogates, nothing above U+10FFFF).
    mutating func skipScalar() throws(JSONError) {
        guard let width = Self.scalarWidth(bytes, at: index) else { throw error(.notUTF8) }
        index += width
    }

    /// The width of the well-formed multi-byte UTF-8 sequence at `index`,
    /// or `nil` when none starts there.
    static func scalarWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
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
}

/// A run of text being read: where it starts in the window, and whether it
/// moved to the reader's scratch buffer (after an escape, or when the
/// window moved on).
struct TextRun {
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
