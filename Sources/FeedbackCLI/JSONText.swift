/// Minimal JSON writing for the tool's output: stable key order, exact
/// strings.
enum JSONText {
    /// `text` as a JSON string literal: `"`, `\\`, controls and U+2028/U+2029
    /// escaped, everything else as is. Works on UTF-8 bytes; text that needs
    /// no escape (the common case) is copied once.
    static func string(_ text: String) -> String {
        let clean = text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: needsEscape) }
            ?? !text.utf8.contains(where: needsEscape)
        if clean { return "\"" + text + "\"" }
        let bytes = Array(text.utf8)
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case ..<0x20: out += Array("\\u00".utf8) + Array(hex2(byte).utf8)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out += Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes that start something to escape: `"`, `\\`, controls, and the
    /// lead byte of U+2028/U+2029 (checked precisely on the slow path).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    /// An optional string, or `null`.
    static func string(_ text: String?) -> String {
        text.map { string($0) } ?? "null"
    }

    /// An object from ordered key/already-encoded-value pairs.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func hex2(_ value: UInt8) -> String {
        let digits = String(value, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}
