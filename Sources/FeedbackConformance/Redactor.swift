import FeedbackSigning
import FeedbackVectors
import FeedbackWire

/// Every sensitive value a run has seen, and the one check that text
/// leaving the process passes: reports, progress and error lines, `vectors
/// show`.
///
/// ```swift
/// let redactor = Redactor(vectors: library.vectors, cases: cases, credentials: [credentials])
/// redactor.holdsSecret("echo: \\u0061lice-canary")   // true: a JSON escape of a username
/// redactor.filtered(adapterMessage)                 // the text, or "<withheld: ...>"
/// ```
///
/// A value is found in any of these readings of the text: as written; with
/// JSON escapes decoded (`\u0061`, surrogate pairs, `\/`, `\n`...); with
/// `\u{61}` escapes decoded (how reports show control characters); with
/// percent-encoding decoded; and with ASCII letters in any case. Values
/// shorter than ``minimumLength`` bytes are not looked for: `a`, `x` or
/// `-_` occur in any text, and withholding every text holding them would
/// withhold everything (the judges still withhold a case's own values of
/// any length from what they write about that case).
public struct Redactor: Sendable {
    /// Values shorter than this many UTF-8 bytes are not looked for.
    public static let minimumLength = 4

    /// The text that stands in for a withheld one.
    public static let placeholder = "<withheld: it holds a sensitive value>"

    /// The values looked for, lowercased (ASCII), indexed by first byte.
    private let secrets: [UInt8: [[UInt8]]]
    /// The longest value, in bytes.
    private let longest: Int

    /// A redactor for `values`; those shorter than `minimumLength` bytes
    /// are ignored (``minimumLength`` by default; 1 for the values of one
    /// case, which a text about that case must not hold at any length).
    public init(secrets values: some Sequence<String>, minimumLength: Int = Redactor.minimumLength) {
        var index: [UInt8: [[UInt8]]] = [:]
        var longest = 0
        // Deduplicated as bytes: a set of Strings would keep one of two
        // canonically equivalent values (NFC and NFD), and miss the other.
        for bytes in Set(values.map { $0.utf8.map(Self.lowercased) }) where bytes.count >= max(1, minimumLength) {
            index[bytes[0], default: []].append(bytes)
            longest = max(longest, bytes.count)
        }
        secrets = index
        self.longest = longest
    }

    /// A redactor for a run: every `Username` and `FeedbackToken` of the
    /// vectors (in their bodies, and every value their wire texts hold,
    /// overwritten duplicates included), of the client cases, and the
    /// credentials' secret key and session token.
    public init(vectors: [Vector], cases: [ClientCase] = [], credentials: [AWSCredentials] = []) {
        var values: [String] = []
        for vector in vectors { values += vector.sensitiveValues }
        for item in cases {
            for (member, value) in item.parameters where member.isSensitive { values.append(value) }
        }
        for credential in credentials {
            values.append(credential.secretAccessKey)
            if let token = credential.sessionToken { values.append(token) }
        }
        self.init(secrets: values)
    }

    /// Whether any reading of `text` holds a value.
    public func holdsSecret(_ text: String) -> Bool {
        guard longest > 0 else { return false }
        let raw = Array(text.utf8)
        for reading in Self.readings(of: raw) where contains(reading) { return true }
        return false
    }

    /// `text` when it holds no value; else ``placeholder``.
    public func filtered(_ text: String) -> String {
        holdsSecret(text) ? Self.placeholder : text
    }

    /// `text` when it holds no value; else `nil`.
    public func shown(_ text: String) -> String? {
        holdsSecret(text) ? nil : text
    }

    private func contains(_ text: [UInt8]) -> Bool {
        var start = 0
        while start < text.count {
            if let candidates = secrets[text[start]] {
                for secret in candidates where secret.count <= text.count - start {
                    var offset = 1
                    while offset < secret.count && text[start + offset] == secret[offset] { offset += 1 }
                    if offset == secret.count { return true }
                }
            }
            start += 1
        }
        return false
    }

    /// The text as written, with JSON escapes, `\u{…}` escapes and percent
    /// escapes decoded: each lowercased (ASCII).
    static func readings(of raw: [UInt8]) -> [[UInt8]] {
        var readings = [raw.map(lowercased)]
        if raw.contains(UInt8(ascii: "\\")) {
            readings.append(decodeJSONEscapes(raw).map(lowercased))
            readings.append(decodeSwiftEscapes(raw).map(lowercased))
        }
        if raw.contains(UInt8(ascii: "%")) { readings.append(decodePercentEscapes(raw).map(lowercased)) }
        return readings
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// `\uXXXX` (surrogate pairs joined; a lone one read as U+FFFD) and the
    /// one-letter escapes, wherever they stand, also after another
    /// backslash; anything else kept as written.
    static func decodeJSONEscapes(_ bytes: [UInt8]) -> [UInt8] {
        decoding(bytes) { index, out in
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else { return nil }
            let code = bytes[index + 1]
            // `\\` is read as one backslash that may still start an escape:
            // a reading for finding values, lenient on purpose (a peer that
            // writes `\\u0061lice` shows `alice` to a reader all the same).
            if code == UInt8(ascii: "\\") {
                out.append(0x5C)
                return 1
            }
            if let simple = JSONEscape.decoded(code) {
                out.append(simple)
                return 2
            }
            guard code == UInt8(ascii: "u"), var value = JSONEscape.hexValue(bytes, at: index + 2) else { return nil }
            var width = 6
            if value & 0xFC00 == 0xD800, index + 12 <= bytes.count, bytes[index + 6] == UInt8(ascii: "\\"),
                bytes[index + 7] == UInt8(ascii: "u"), let low = JSONEscape.hexValue(bytes, at: index + 8), low & 0xFC00 == 0xDC00
            {
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                width = 12
            }
            out.append(contentsOf: String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8)
            return width
        }
    }

    /// `\u{X…}` escapes (1 to 8 hexadecimal digits), as reports write
    /// control characters; anything else kept as written.
    static func decodeSwiftEscapes(_ bytes: [UInt8]) -> [UInt8] {
        decoding(bytes) { index, out in
            guard bytes[index] == UInt8(ascii: "\\"), index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"),
                bytes[index + 2] == UInt8(ascii: "{"),
                let close = bytes[(index + 3)...].prefix(9).firstIndex(of: UInt8(ascii: "}")), close > index + 3,
                bytes[(index + 3)..<close].allSatisfy({ JSONEscape.hexDigit($0) != nil })
            else { return nil }
            let value = bytes[(index + 3)..<close].reduce(UInt32(0)) { $0 << 4 | JSONEscape.hexDigit($1)! }
            out.append(contentsOf: String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8)
            return close + 1 - index
        }
    }

    /// `%XX` escapes; anything else kept as written.
    static func decodePercentEscapes(_ bytes: [UInt8]) -> [UInt8] {
        decoding(bytes) { index, out in
            guard bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, let high = JSONEscape.hexDigit(bytes[index + 1]),
                let low = JSONEscape.hexDigit(bytes[index + 2])
            else { return nil }
            out.append(UInt8(high << 4 | low))
            return 3
        }
    }

    /// `bytes` with every escape `escape` reads decoded: at each index it
    /// appends what the escape there stands for to `out` and says how many
    /// bytes the escape takes, or says `nil` (appending nothing), and the
    /// byte is kept as written.
    private static func decoding(_ bytes: [UInt8], _ escape: (_ index: Int, _ out: inout [UInt8]) -> Int?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let width = escape(index, &out) {
                index += width
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}

extension Vector {
    /// The `Username` and `FeedbackToken` values the vector holds: in its
    /// body, and every value its wire text gives those members, an
    /// overwritten duplicate included (a value with no Unicode reading,
    /// a lone surrogate escape, as written between its quotes).
    public var sensitiveValues: [String] {
        var values: [String] = []
        for member in Member.allCases where member.isSensitive {
            if case .string(let value)? = body?.members[member.wireName] { values.append(value) }
        }
        if let wire { values += Self.sensitiveMemberValues(inWire: Array(wire.utf8)) }
        return values
    }

    /// Every string value of a `Username` or `FeedbackToken` key in a JSON
    /// text, found token by token (so a duplicate key's first value too).
    static func sensitiveMemberValues(inWire bytes: [UInt8]) -> [String] {
        let names = Set(Member.allCases.filter(\.isSensitive).map(\.wireName))
        var values: [String] = []
        var index = 0
        var pendingKey: String?
        /// The string literal starting at `start` (a quote), and the index after it.
        func literal(at start: Int) -> (ArraySlice<UInt8>, Int)? {
            var end = start + 1
            while end < bytes.count {
                if bytes[end] == UInt8(ascii: "\\") { end += 2; continue }
                if bytes[end] == UInt8(ascii: "\"") { return (bytes[start...end], end + 1) }
                end += 1
            }
            return nil
        }
        func skipSpace(_ at: Int) -> Int {
            var at = at
            while at < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
            return at
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\""), let (token, after) = literal(at: index) else {
                index += 1
                continue
            }
            let next = skipSpace(after)
            let decoded: String? = if case .string(let text)? = try? JSONValue(parsing: token) { text } else { nil }
            if next < bytes.count, bytes[next] == UInt8(ascii: ":") {
                pendingKey = decoded
                index = next + 1
                continue
            }
            if let key = pendingKey, names.contains(key) {
                values.append(decoded ?? String(decoding: token.dropFirst().dropLast(), as: UTF8.self))
            }
            pendingKey = nil
            index = after
        }
        return values
    }
}
