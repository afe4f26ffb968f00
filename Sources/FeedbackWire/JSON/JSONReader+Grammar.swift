// JSONReader's grammar (RFC 8259 §2–§6): values, objects, arrays, numbers,
// and the white space and separators between tokens, each written once and
// used by the general reader and by the plain-body fast path alike.

extension JSONReader {
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
        try members { reader throws(JSONError) in
            let slot = try reader.key(in: keys)
            try reader.colon()
            if let slot {
                if kept.locatesValues { kept.locations[slot] = reader.location(of: reader.offset) }
                if reader.more(), reader.bytes[reader.index] == UInt8(ascii: "\"") {
                    try reader.keptString(at: slot, in: &kept)
                } else {
                    kept.set(try reader.value(), at: slot)
                }
            } else {
                try reader.skipValue()
            }
        }
    }

    // MARK: The grammar

    mutating func value() throws(JSONError) -> JSONValue {
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

    mutating func literal(_ word: StaticString) throws(JSONError) {
        let count = word.utf8CodeUnitCount
        _ = ensure(count)
        for offset in 0..<count {
            guard index < bytes.count else { throw error(.syntax) }
            guard bytes[index] == word.utf8Start[offset] else { throw syntaxError() }
            index += 1
        }
    }

    mutating func object() throws(JSONError) -> JSONValue {
        let build = building && buildsContainers
        let outer = building
        building = build
        defer { building = outer }
        var dictionary: [String: JSONValue] = [:]
        try members { reader throws(JSONError) in
            let key = try reader.string()
            try reader.colon()
            let value = try reader.value()
            if build, let key { dictionary[key] = value }  // a duplicate key keeps its last value
        }
        return .object(dictionary)
    }

    /// Reads the object at the next byte (its opening brace), handing each
    /// member to `member` at its key's opening quote: the one place the
    /// object grammar is written (the plain-body fast path reads the
    /// common case of the same grammar in place, and hands anything else
    /// back here).
    @inline(__always)
    mutating func members(_ member: (inout JSONReader) throws(JSONError) -> Void) throws(JSONError) {
        guard try open(closing: UInt8(ascii: "}")) else { return }
        repeat {
            guard more(), bytes[index] == UInt8(ascii: "\"") else { throw syntaxError() }
            try member(&self)
        } while try another(closing: UInt8(ascii: "}"))
    }

    mutating func array() throws(JSONError) -> JSONValue {
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
    mutating func open(closing closer: UInt8) throws(JSONError) -> Bool {
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
    mutating func another(closing closer: UInt8) throws(JSONError) -> Bool {
        if separator(UInt8(ascii: ",")) { return true }
        guard more() else { throw error(.syntax) }
        guard bytes[index] == closer else { throw syntaxError() }
        index += 1
        depth -= 1
        return false
    }

    /// The `:` after a key, with white space around it.
    @inline(__always)
    mutating func colon() throws(JSONError) {
        guard separator(UInt8(ascii: ":")) else { throw syntaxError() }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; its value
    /// only when building.
    mutating func number() throws(JSONError) -> Double {
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

    // MARK: White space and separators, for both paths

    /// Skips white space from `at` (not an LF when `withinLine`). Most
    /// often there is none, or one space (as `json.dumps` writes).
    @inline(__always)
    static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ at: inout Int, withinLine: Bool) {
        let count = bytes.count
        assert(at >= 0, "a position before the window")
        if at < count, bytes[at] > 0x20 { return }
        if at + 1 < count, bytes[at] == 0x20, bytes[at + 1] > 0x20 {
            at += 1
            return
        }
        while at < count, bytes[at] <= 0x20,
            bytes[at] == 0x20 || bytes[at] == 0x0D || bytes[at] == 0x09 || (bytes[at] == 0x0A && !withinLine)
        {
            at += 1
        }
    }

    /// Steps over `separator` (`:` or `,`) at `at` and the white space
    /// around it: `false` when another byte comes first. Most often the
    /// separator comes at once, with one space after it or none.
    @inline(__always)
    static func skipSeparator(_ separator: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ at: inout Int,
                                      withinLine: Bool) -> Bool {
        let count = bytes.count
        assert(at >= 0, "a position before the window")
        if at + 2 < count, bytes[at] == separator {
            if bytes[at + 1] > 0x20 {
                at += 1
                return true
            }
            if bytes[at + 1] == 0x20, bytes[at + 2] > 0x20 {
                at += 2
                return true
            }
        }
        skipSpace(bytes, &at, withinLine: withinLine)
        guard at < count, bytes[at] == separator else { return false }
        at += 1
        skipSpace(bytes, &at, withinLine: withinLine)
        return true
    }

    /// Skips white space, refilling the window while it ends in some.
    @inline(__always)
    mutating func skipWhitespace() {
        Self.skipSpace(bytes, &index, withinLine: false)
        if index == bytes.count, source != nil { skipWhitespaceAcrossWindows() }
    }

    /// ``skipWhitespace()`` once the window ends in white space.
    @inline(never)
    mutating func skipWhitespaceAcrossWindows() {
        while index == bytes.count, refill() { Self.skipSpace(bytes, &index, withinLine: false) }
    }

    /// Steps over `separator` (`:` or `,`) and the white space around it,
    /// refilling the window as needed: `false`, at the first byte after the
    /// white space, when another byte comes first.
    @inline(__always)
    mutating func separator(_ separator: UInt8) -> Bool {
        if Self.skipSeparator(separator, bytes, &index, withinLine: false) {
            if index == bytes.count, source != nil { skipWhitespaceAcrossWindows() }
            return true
        }
        guard index == bytes.count, source != nil else { return false }
        return separatorAcrossWindows(separator)
    }

    /// ``separator(_:)`` once the window ends before the separator.
    @inline(never)
    mutating func separatorAcrossWindows(_ separator: UInt8) -> Bool {
        skipWhitespaceAcrossWindows()
        guard index < bytes.count, bytes[index] == separator else { return false }
        index += 1
        skipWhitespace()
        return true
    }
}
