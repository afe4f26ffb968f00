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
        write(to: &out, asciiOnly: true)
        return out
    }

    func write(to out: inout [UInt8], asciiOnly: Bool = false) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let value):
            if !value.isFinite { out += (value < 0 ? "-1e999" : "1e999").utf8 }
            else if value.rounded() == value, abs(value) < 1e15 { out += String(Int64(value)).utf8 }
            else { out += "\(value)".utf8 }
        case .string(let value): Self.writeString(value, asciiOnly: asciiOnly, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.write(to: &out, asciiOnly: asciiOnly)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            Self.writeObject(members, keys: members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
                             asciiOnly: asciiOnly, to: &out)
        }
    }

    static func writeObject(_ members: [String: JSONValue], keys: [String], asciiOnly: Bool = false, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (index, key) in keys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            writeString(key, asciiOnly: asciiOnly, to: &out)
            out.append(UInt8(ascii: ":"))
            members[key, default: .null].write(to: &out, asciiOnly: asciiOnly)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A string literal: `"`, `\` and control characters escaped; with
    /// `asciiOnly`, every non-ASCII scalar too (UTF-16 units, as JSON has it).
    static func writeString(_ string: String, asciiOnly: Bool = false, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        func escape(_ unit: UInt16) {
            out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(unit >> 12)], hex[Int(unit >> 8 & 15)],
                    hex[Int(unit >> 4 & 15)], hex[Int(unit & 15)]]
        }
        out.append(UInt8(ascii: "\""))
        if asciiOnly && string.utf8.contains(where: { $0 >= 0x80 }) {
            for scalar in string.unicodeScalars {
                switch scalar.value {
                case 0x22, 0x5C: out += [UInt8(ascii: "\\"), UInt8(scalar.value)]
                case 0..<0x20: escape(UInt16(scalar.value))
                case 0x20..<0x80: out.append(UInt8(scalar.value))
                default: UTF16.encode(scalar) { escape($0) }
                }
            }
        } else {
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
                case 0..<0x20: escape(UInt16(byte))
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
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
