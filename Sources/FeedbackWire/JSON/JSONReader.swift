/// A strict RFC 8259 parser for request bodies: one pass over the bytes,
/// UTF-8 validated inside strings only (outside them JSON is ASCII), no
/// Foundation objects.
///
/// Decisions, each as the service's Jackson-based front end behaves by
/// default: a leading UTF-8 byte order mark is skipped; a duplicate key keeps
/// its last value; nesting deeper than ``maximumDepth`` is refused. Trailing
/// commas, comments, single quotes, `NaN` and leading zeros are errors
/// (Foundation's `JSONSerialization`, which this replaced, accepted trailing
/// commas). A `\uD800` escape without its pair is refused in a value that
/// is built, since no Swift string can hold it; in a value only checked, or
/// a key only compared with the keys to keep, it is valid JSON and read as
/// U+FFFD.
///
/// With a set of keys to keep, only those members of the top-level object
/// are built; every other value, and the contents of every nested array
/// and object, is checked for syntax and recorded by its type alone (an
/// empty string, array or object, or 0). Memory then stays bounded by the
/// kept members, whatever else a hostile body holds.
struct JSONReader {
    /// The deepest nesting accepted, as in Foundation's `JSONSerialization`.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private let keep: Set<String>?
    private var index = 0
    private var depth = 0
    /// Whether the value being read is kept; when not, it is only checked.
    private var building = true
    /// Whether the string being read is a key that is only compared with
    /// the keys to keep.
    private var comparingKey = false
    /// Scratch space for strings with escapes, reused across strings.
    private var scratch: [UInt8] = []

    /// Parses one JSON text, keeping only the top-level members named in
    /// `keep` when it is given.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, keeping keep: Set<String>? = nil) throws(JSONError) -> JSONValue {
        var parser = JSONReader(bytes: bytes, keep: keep)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { parser.index = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else { throw parser.error(.empty) }
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.syntaxError() }
        return value
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, keep: Set<String>?) {
        self.bytes = bytes
        self.keep = keep
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The error for an unexpected byte: `notUTF8` when the input is not
    /// UTF-8 at all, else `notJSON`.
    private func syntaxError() -> JSONError {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return error(.syntax)
            case .error: return JSONError(.notUTF8, at: offset)
            }
        }
    }

    /// `reason`, found at the current byte.
    private func error(_ reason: JSONError.Reason) -> JSONError {
        JSONError(reason, at: min(index, bytes.count))
    }

    private mutating func value() throws(JSONError) -> JSONValue {
        guard index < bytes.count else { throw error(.syntax) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw syntaxError()
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONError) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw error(.syntax) }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw syntaxError() }
        index += count
    }

    private mutating func object() throws(JSONError) -> JSONValue {
        let build = building && (keep == nil || depth == 0)
        let outer = building
        building = build
        defer { building = outer }
        var members: [String: JSONValue] = [:]
        if build, depth == 0, let keep { members.reserveCapacity(keep.count) }
        guard try open(closing: UInt8(ascii: "}")) else { return .object(members) }
        repeat {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw syntaxError() }
            comparingKey = build && keep != nil
            let key = try string()
            comparingKey = false
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw syntaxError() }
            index += 1
            skipWhitespace()
            if build {
                building = keep?.contains(key) ?? true
                members[key] = try value()  // a duplicate key keeps its last value
                building = true
            } else {
                _ = try value()
            }
        } while try another(closing: UInt8(ascii: "}"))
        return .object(members)
    }

    private mutating func array() throws(JSONError) -> JSONValue {
        let build = building && (keep == nil || depth == 0)
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
        guard index < bytes.count, bytes[index] == closer else { return true }
        index += 1
        depth -= 1
        return false
    }

    /// After an element: `true` after a comma, `false` at the closing bracket.
    private mutating func another(closing closer: UInt8) throws(JSONError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw error(.syntax) }
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

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(JSONError) -> Double {
        let start = index
        func digits(_ parser: inout JSONReader) -> Int {
            let from = parser.index
            while parser.index < parser.bytes.count, parser.bytes[parser.index] &- UInt8(ascii: "0") < 10 { parser.index += 1 }
            return parser.index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw error(.syntax) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits(&self) == 0 {
            throw syntaxError()
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw error(.syntax) }
        }
        if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard digits(&self) > 0 else { throw error(.syntax) }
        }
        guard building else { return 0 }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) ?? .infinity
    }

    /// A string starting at the opening quote; escapes decoded, UTF-8 checked.
    private mutating func string() throws(JSONError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes, so the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return building ? String(decoding: run, as: UTF8.self) : ""
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error(.syntax) }
            if byte < 0x80 { index += 1 } else { try skipScalar() }
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return building ? String(decoding: scratch, as: UTF8.self) : ""
            case UInt8(ascii: "\\"):
                try escape()
                // A value that is only checked needs no more than the current scalar.
                if !building && scratch.count > 4096 { scratch.removeAll(keepingCapacity: true) }
            case ..<0x20:
                throw error(.syntax)
            case ..<0x80:
                scratch.append(byte); index += 1
            default:
                let from = index
                try skipScalar()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<index]))
            }
        }
        throw error(.syntax)  // unterminated
    }

    /// Decodes the escape at `index` into `scratch`.
    private mutating func escape() throws(JSONError) {
        guard index + 1 < bytes.count else { throw error(.syntax) }
        let code = bytes[index + 1]
        index += 2
        let simple: UInt8? = switch code {
        case UInt8(ascii: "\""): 0x22
        case UInt8(ascii: "\\"): 0x5C
        case UInt8(ascii: "/"): 0x2F
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple { scratch.append(simple); return }
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
            guard !building || comparingKey else { throw error(.loneSurrogate) }
            scratch += [0xEF, 0xBF, 0xBD]
            return
        }
        scratch.append(contentsOf: UTF8.encode(scalar)!)
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error(.syntax) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error(.syntax)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Steps over one well-formed multi-byte UTF-8 scalar (no overlongs, no
    /// surrogates, nothing above U+10FFFF).
    private mutating func skipScalar() throws(JSONError) {
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
        default: throw error(.notUTF8)
        }
        guard bytes.count - index >= width, (low...high).contains(bytes[index + 1]) else { throw error(.notUTF8) }
        for offset in 2..<width where bytes[index + offset] & 0xC0 != 0x80 { throw error(.notUTF8) }
        index += width
    }
}
