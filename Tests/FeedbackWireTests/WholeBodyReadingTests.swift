import FeedbackRules
import FeedbackTestSupport
import FeedbackWire
import Testing

/// The whole-body fast path (`readBody` on an input held in memory, its keys
/// written plainly) against the general reader, which reads the same body
/// when it is streamed or when value locations are asked for: on random
/// bodies, the same members, or the same error at the same offset.
@Suite("A whole body read by the fast path")
struct WholeBodyReadingTests {
    static let keys = LineReadingTests.keys

    /// `text` read in memory, with the line and column of each value
    /// (which only the general reader records).
    static func readLocating(_ text: [UInt8]) -> Result<[String: JSONValue], JSONError> {
        text.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            var kept = KeptMembers(count: keys.count)
            kept.locatesValues = true
            return Result { () throws(JSONError) in
                try reader.startDocument()
                try reader.readBody(keys: keys, into: &kept)
                try reader.finishDocument()
                return kept.dictionary(names: keys.names)
            }
        }
    }

    @Test("A random body reads alike in memory (the fast path), streamed 7 bytes at a time, and with value locations")
    func fastPathReadsAsTheGeneralReader() {
        var random = SplitMix64(seed: 25)
        var plain = 0
        for _ in 0..<20_000 {
            let body = LineReadingTests.line(&random)
            let text = String(decoding: body.prefix(120), as: UTF8.self).debugDescription
            let fast = readBody(body, keys: Self.keys, chunk: nil)
            #expect(fast == readBody(body, keys: Self.keys, chunk: 7), "\(text)")
            #expect(fast == Self.readLocating(body), "\(text)")
            if LineReadingTests.readInPlace(body) != nil { plain += 1 }
        }
        // Many bodies are plain lines, which the fast path reads to the end (a lower
        // bound: it also takes bodies over several lines and with trailing space).
        #expect(plain > 500, "plain bodies: \(plain)")
    }

    /// A random JSON text for a body: kept keys written plainly or with
    /// escapes, unknown and near-miss keys, duplicates; values nested a few
    /// levels deep; strings with every escape, surrogate pairs (and lone or
    /// misordered halves), raw multi-byte UTF-8 and runs around the fast
    /// path's 128-byte stack buffer; white space of every kind between any
    /// two tokens; and sometimes one byte changed or the text cut short.
    static func body(_ random: inout SplitMix64) -> [UInt8] {
        func pick<T>(_ choices: [T]) -> T { choices.randomElement(using: &random)! }
        func chance(_ inTen: Int) -> Bool { Int.random(in: 0..<10, using: &random) < inTen }
        func space() -> String { chance(6) ? "" : pick([" ", " ", "\t", "\n", "\r", "\r\n", "  \n\t "]) }
        func hex(_ value: Int) -> String {
            let digits = String(value, radix: 16)
            let padded = String(repeating: "0", count: 4 - digits.count) + digits
            return chance(5) ? padded.uppercased() : padded
        }
        func piece() -> String {
            switch Int.random(in: 0..<14, using: &random) {
            case 0: pick(["\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"])
            case 1: "\\u" + hex(Int.random(in: 0...0x7F, using: &random))
            case 2: "\\u" + hex(pick([0xE9, 0x5C71, 0x2028, 0xFFFD, 0xFEFF, Int.random(in: 0x80...0xD7FF, using: &random)]))
            case 3: "\\u" + hex(Int.random(in: 0xD800...0xDBFF, using: &random)) + "\\u" + hex(Int.random(in: 0xDC00...0xDFFF, using: &random))
            case 4: "\\u" + hex(pick([0xD800, 0xDBFF, 0xDC00, 0xDFFF]))  // a lone half
            case 5: "\\u" + hex(0xDC00) + "\\u" + hex(0xD800)  // halves in the wrong order
            case 6: "\\u" + hex(0xD83D) + pick(["\\u0041", "\\n", "x", "\\u12", "\\uD83D"])  // a high half, then no low one
            case 7: pick(["é", "山田", "😀", "\u{2028}", "\u{7F}"])
            case 8: String(repeating: "a", count: pick([60, 120, 124, 127, 128, 129, 200]))
            case 9: String(repeating: pick(["\\u00e9", "😀", "\\n"]), count: Int.random(in: 20...40, using: &random))
            case 10: pick(["\\x", "\\u12", "\\uG000", "\\", "\u{1}", "\t"])  // not JSON
            default: pick(["alice", "us-east-1_EXAMPLE1", "Valid", "a b", ""])
            }
        }
        func string() -> String {
            "\"" + (0..<Int.random(in: 0...3, using: &random)).map { _ in piece() }.joined() + "\""
        }
        func value(_ depth: Int) -> String {
            switch Int.random(in: 0..<(depth < 4 ? 10 : 7), using: &random) {
            case 0, 1, 2: return string()
            case 3: return pick(["0", "-1", "123456789012345678901234567890", "1.5", "-2.5e3", "1E+2", "0.0e-0", "01", "1.", "-", "1e"])
            case 4: return pick(["true", "false", "null", "tru", "nul"])
            case 5, 6: return pick(["[]", "{}", "[1,]", "{\"a\":1,}"])
            case 7:
                let elements = (0..<Int.random(in: 0...3, using: &random)).map { _ in space() + value(depth + 1) + space() }
                return "[" + (elements.isEmpty ? space() : elements.joined(separator: ",")) + "]"
            default:
                let members = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                    space() + pick([string(), "\"a\"", "\"Username\""]) + space() + ":" + space() + value(depth + 1) + space()
                }
                return "{" + (members.isEmpty ? space() : members.joined(separator: ",")) + "}"
            }
        }
        func key() -> String {
            let name = pick(keys.names + ["Extra", "UsernameX", "Usernam", "username", ""])
            guard chance(2), let first = name.unicodeScalars.first else { return "\"" + name + "\"" }
            // The same name with its first letter escaped.
            return "\"\\u" + hex(Int(first.value)) + String(name.unicodeScalars.dropFirst()) + "\""
        }
        let members = (0..<Int.random(in: 0...7, using: &random)).map { _ in
            space() + key() + space() + ":" + space() + value(1) + space()
        }
        var bytes = Array((space() + "{" + (members.isEmpty ? space() : members.joined(separator: ",")) + "}" + space()).utf8)
        switch Int.random(in: 0..<12, using: &random) {
        case 0: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case 1 where !bytes.isEmpty:
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = pick([0x2C, 0x7D, 0x22, 0x5C, 0x3A, 0x78, 0x01, 0xFF, 0xC3, 0x0A])
        default: break
        }
        return bytes
    }

    /// The kept members as the whole-text reader builds them (an array or
    /// object by its type alone), when it reads the text: an oracle that
    /// shares no code with the body reader's slots and fast path.
    static func keptFromWholeText(_ text: [UInt8]) -> [String: JSONValue]? {
        guard case .object(let members)? = try? JSONValue(parsing: text) else { return nil }
        var kept: [String: JSONValue] = [:]
        for name in keys.names {
            switch members[name] {
            case nil: break
            case .array?: kept[name] = .array([])
            case .object?: kept[name] = .object([:])
            case let value?: kept[name] = value
            }
        }
        return kept
    }

    @Test("A random nested body with escapes, surrogates, white space and duplicate keys reads alike by every path")
    func randomBodiesReadAlikeByEveryPath() {
        var random = SplitMix64(seed: 2_524)
        var read = 0, oracle = 0
        for _ in 0..<6_000 {
            let body = Self.body(&random)
            let text = String(decoding: body.prefix(160), as: UTF8.self).debugDescription
            let fast = readBody(body, keys: Self.keys, chunk: nil)
            let chunk = [1, 2, 3, 5, 7, 13, 64].randomElement(using: &random)!
            #expect(fast == readBody(body, keys: Self.keys, chunk: chunk), "chunk \(chunk): \(text)")
            #expect(fast == Self.readLocating(body), "\(text)")
            if case .success(let members) = fast {
                read += 1
                if let whole = Self.keptFromWholeText(body) {
                    oracle += 1
                    #expect(members == whole, "\(text)")
                }
            }
        }
        // Both outcomes are common: bodies read, and bodies refused.
        #expect(read > 1_000 && read < 5_000, "bodies read: \(read)")
        #expect(oracle > 500, "bodies the whole-text reader also read: \(oracle)")
    }
}

