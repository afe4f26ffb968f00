import Foundation
import FeedbackRules

/// A JSON value, as found in a request body or a vector file.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// What this value means for a request member.
    public var memberValue: MemberValue {
        switch self {
        case .null: .null
        case .string(let string): .string(string)
        case .bool: .nonString(.boolean)
        case .number: .nonString(.number)
        case .array: .nonString(.array)
        case .object: .nonString(.object)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// The value as compact JSON text in UTF-8: object keys sorted by their
    /// UTF-8 bytes, non-ASCII written as itself, only `"`, `\` and control
    /// characters escaped, integral numbers without a fraction, and a number
    /// too large for a `Double` (parsed as infinity) as `1e999`, which reads
    /// back the same.
    public var jsonText: [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    /// ``jsonText`` with every non-ASCII scalar escaped as `\uXXXX` (a
    /// surrogate pair beyond the BMP): safe for any line-oriented reader.
    public var asciiJSONText: [UInt8] {
        var out: [UInt8] = []
        write(to: &out, escaping: .nonASCII)
        return out
    }

    func write(to out: inout [UInt8], escaping: JSONEscapes = []) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let value):
            if !value.isFinite { out += (value < 0 ? "-1e999" : "1e999").utf8 }
            else if value.rounded() == value, abs(value) < 1e15 { out += String(Int64(value)).utf8 }
            else { out += "\(value)".utf8 }
        case .string(let value): Self.writeString(value, escaping: escaping, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.write(to: &out, escaping: escaping)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            Self.writeObject(members, keys: members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
                             escaping: escaping, to: &out)
        }
    }

    /// An object with its keys in the order of `keys` (a missing one reads
    /// `null`).
    package static func writeObject(_ members: [String: JSONValue], keys: [String], escaping: JSONEscapes = [],
                                    to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (index, key) in keys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            writeString(key, escaping: escaping, to: &out)
            out.append(UInt8(ascii: ":"))
            members[key, default: .null].write(to: &out, escaping: escaping)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A string literal: `"`, `\` and the control characters always
    /// escaped (controls as `\u00XX`), plus what `escaping` asks for; every
    /// other byte copied as is, runs of them at once.
    package static func writeString(_ string: String, escaping: JSONEscapes = [], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if escaping.contains(.nonASCII) && string.utf8.contains(where: { $0 >= 0x80 }) {
            for scalar in string.unicodeScalars {
                if scalar.isASCII {
                    writeEscaped(CollectionOfOne(UInt8(scalar.value)), escaping: escaping, to: &out)
                } else {
                    UTF16.encode(scalar) { writeUnicodeEscape($0, to: &out) }
                }
            }
        } else if string.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, escaping: escaping, to: &out) }) == nil {
            writeEscaped(Array(string.utf8), escaping: escaping, to: &out)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// UTF-8 `bytes` as the inside of a string literal.
    private static func writeEscaped(_ bytes: some RandomAccessCollection<UInt8>, escaping: JSONEscapes,
                                     to out: inout [UInt8]) {
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
                writeUnicodeEscape(UInt16(byte), to: &out)
            } else if byte == 0xE2, escaping.contains(.lineSeparators), bytes.distance(from: index, to: bytes.endIndex) >= 3,
                bytes[next] == 0x80, case let last = bytes[bytes.index(after: next)], last == 0xA8 || last == 0xA9
            {
                out += bytes[run..<index]
                writeUnicodeEscape(last == 0xA8 ? 0x2028 : 0x2029, to: &out)
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

extension RequestBody {
    /// The body as compact JSON text: the operation's members first, in the
    /// service model's order (as SDKs send them), then any other key sorted.
    public func jsonText(for operation: FeedbackOperation) -> [UInt8] {
        let modelled = operation.members.map(\.wireName).filter { members[$0] != nil }
        let others = members.keys.filter { !modelled.contains($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var out: [UInt8] = []
        JSONValue.writeObject(members, keys: modelled + others, to: &out)
        return out
    }
}
