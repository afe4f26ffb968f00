/// The one JSON writer of the project: compact or indented text in UTF-8,
/// every string escaped by the same code, whatever writes it (request
/// bodies, adapter messages, reports, lint results, vectors).
///
/// - Object keys are sorted by their UTF-8 bytes (deterministic output),
///   unless the caller gives the order (`writeObject(_:keys:to:)`).
/// - `"`, `\` and the control characters are always escaped (controls as
///   `\u00XX`); `JSONEscapes` adds more; every other byte is copied as
///   is, runs of them at once.
/// - Integral numbers below 10^15 are written without a fraction; a number
///   too large for a `Double` (read as infinity) as `1e999`, which reads
///   back the same.
///
/// ```swift
/// let compact = JSONWriter().text(["a": "é", "b": nil])           // {"a":"é","b":null}
/// let ascii = JSONWriter(escaping: .nonASCII).text(["a": "é"])    // {"a":"\u00e9"}
/// let pretty = JSONWriter(indentation: 2).text(report)            // one member per line
/// ```
public struct JSONWriter: Sendable {
    /// What strings escape beyond `"`, `\` and the control characters.
    package var escaping: JSONEscapes
    /// Spaces per level; 0 writes compact text.
    public var indentation: Int

    /// A writer; compact and minimally escaped by default.
    package init(escaping: JSONEscapes = [], indentation: Int = 0) {
        self.escaping = escaping
        self.indentation = indentation
    }

    /// A compact (0) or indented writer with minimal escaping.
    public init(indentation: Int = 0) {
        self.init(escaping: [], indentation: indentation)
    }

    /// `value` as JSON text; indented text ends with a line feed.
    public func text(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, to: &out)
        if indentation > 0 { out.append(UInt8(ascii: "\n")) }
        return out
    }

    /// Appends `value` to `out`, at nesting `level`.
    public func write(_ value: JSONValue, to out: inout [UInt8], level: Int = 0) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let value): Self.writeNumber(value, to: &out)
        case .string(let value): writeString(value, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1, to: &out)
                write(value, to: &out, level: level + 1)
            }
            if !values.isEmpty { newline(level, to: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            writeObject(members, keys: members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
                        to: &out, level: level)
        }
    }

    /// An object with its keys in the order of `keys` (a missing one reads
    /// `null`).
    public func writeObject(_ members: [String: JSONValue], keys: [String], to out: inout [UInt8], level: Int = 0) {
        out.append(UInt8(ascii: "{"))
        for (index, key) in keys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            newline(level + 1, to: &out)
            writeString(key, to: &out)
            out += (indentation > 0 ? ": " : ":").utf8
            write(members[key, default: .null], to: &out, level: level + 1)
        }
        if !keys.isEmpty { newline(level, to: &out) }
        out.append(UInt8(ascii: "}"))
    }

    private func newline(_ level: Int, to out: inout [UInt8]) {
        guard indentation > 0 else { return }
        out.append(UInt8(ascii: "\n"))
        out += repeatElement(UInt8(ascii: " "), count: level * indentation)
    }

    /// A string literal, escaped as this writer escapes.
    public func writeString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if escaping.contains(.nonASCII) && string.utf8.contains(where: { $0 >= 0x80 }) {
            for scalar in string.unicodeScalars {
                if scalar.isASCII {
                    writeEscaped(CollectionOfOne(UInt8(scalar.value)), to: &out)
                } else {
                    UTF16.encode(scalar) { Self.writeUnicodeEscape($0, to: &out) }
                }
            }
        } else if string.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, to: &out) }) == nil {
            writeEscaped(Array(string.utf8), to: &out)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A number: integral ones without a fraction, out-of-range ones as `1e999`.
    public static func writeNumber(_ value: Double, to out: inout [UInt8]) {
        if !value.isFinite { out += (value < 0 ? "-1e999" : "1e999").utf8 }
        else if value.rounded() == value, abs(value) < 1e15 { out += String(Int64(value)).utf8 }
        else { out += "\(value)".utf8 }
    }

    /// UTF-8 `bytes` as the inside of a string literal.
    private func writeEscaped(_ bytes: some RandomAccessCollection<UInt8>, to out: inout [UInt8]) {
        // Most text needs no escape at all: one scan, one copy.
        guard let first = bytes.firstIndex(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) else {
            return out += bytes
        }
        var run = bytes.startIndex  // the start of bytes not yet written
        var index = first
        while index != bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            var width = 1
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out += bytes[run..<index]
                out += [UInt8(ascii: "\\"), byte]
            } else if byte < 0x20 {
                out += bytes[run..<index]
                Self.writeUnicodeEscape(UInt16(byte), to: &out)
            } else if byte == 0xE2, escaping.contains(.lineSeparators), bytes.distance(from: index, to: bytes.endIndex) >= 3,
                bytes[next] == 0x80, case let last = bytes[bytes.index(after: next)], last == 0xA8 || last == 0xA9
            {
                out += bytes[run..<index]
                Self.writeUnicodeEscape(last == 0xA8 ? 0x2028 : 0x2029, to: &out)
                width = 3
            } else {
                index = next
                continue
            }
            index = bytes.index(index, offsetBy: width)
            run = index
        }
        out += bytes[run..<index]
    }

    private static func writeUnicodeEscape(_ unit: UInt16, to out: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        let digits = hex.utf8Start
        out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), digits[Int(unit >> 12)], digits[Int(unit >> 8 & 15)],
                digits[Int(unit >> 4 & 15)], digits[Int(unit & 15)]]
    }
}

/// What a JSON string literal escapes beyond `"`, `\` and the control
/// characters, which it always escapes.
package struct JSONEscapes: OptionSet, Sendable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    /// Every non-ASCII scalar, as `\uXXXX` UTF-16 units: text that any
    /// byte-oriented reader passes through unchanged.
    package static let nonASCII = JSONEscapes(rawValue: 1 << 0)
    /// U+2028 and U+2029, which JavaScript before ES2019 reads as line ends.
    package static let lineSeparators = JSONEscapes(rawValue: 1 << 1)
}
