import FeedbackSigning
import FeedbackVectors
import FeedbackWire

/// Every sensitive value a run has seen, and the one filter that text
/// leaving the process passes last: reports, recordings, progress and error
/// lines, `vectors show`.
///
/// ```swift
/// let redactor = Redactor(vectors: library.vectors, cases: cases, credentials: [credentials])
/// redactor.holdsSecret("echo: \\u0061lice-canary")   // true: a JSON escape of a username
/// redactor.filtered(adapterMessage)                 // the text, or "<withheld: ...>"
/// redactor.redacted(renderedReport)                 // the text, each value in it cut out
/// ```
///
/// A value is found in the text as written and in every reading of it
/// (`SecretReadings`): each family of escapes decoded, alone or in layers
/// (JSON's `\\` `\"` `\/` `\uXXXX` with surrogate pairs in any mix,
/// Swift's `\u{…}`, C's `\xHH`, Markdown's `\|`, percent-encoding, XML
/// entities `&amp;` `&#N;` `&#xH;`, caret notation `^J`), each also with its
/// control characters removed; ASCII letters in any case. What is looked
/// for, for each value:
/// - the value;
/// - the value without its control characters (C0, DEL, C1), so `abc.def`
///   for `abc.def\n`;
/// - each prefix of it that ends where the value has a control character
///   (the value cut there), without control characters;
/// - a prefix of it right before `…`, where a report cut a long text.
///
/// Each of these shorter than ``minimumLength`` bytes (a cut prefix:
/// ``cutMinimumLength`` bytes) is not looked for: `a`, `x` or `-_` occur in
/// any text, and withholding every text holding them would withhold
/// everything (the judges still withhold a case's own values of any
/// length from what they write about that case).
public struct Redactor: Sendable {
    /// Values shorter than this many UTF-8 bytes are not looked for.
    public static let minimumLength = 4

    /// A prefix of a value (cut at a control character, or by a report's
    /// `…`) shorter than this many UTF-8 bytes is not looked for, whatever
    /// the redactor's minimum: four bytes are as many as the shortest value
    /// a run looks for.
    public static let cutMinimumLength = 4

    /// The text that stands in for a withheld one.
    public static let placeholder = "<withheld: it holds a sensitive value>"

    /// What stands in for a value cut out of a final text (``redacted(_:)``):
    /// ASCII with no markup, quote or escape character, so a JSON string, an
    /// XML attribute, a Markdown cell or a terminal line stays what it was.
    public static let cutPlaceholder = "[withheld]"

    /// What is looked for, lowercased (ASCII).
    private let needles: SecretNeedles

    /// A redactor for `values`; those shorter than `minimumLength` bytes
    /// are ignored (``minimumLength`` by default; 1 for the values of one
    /// case, which a text about that case must not hold at any length).
    public init(secrets values: some Sequence<String>, minimumLength: Int = Redactor.minimumLength) {
        needles = SecretNeedles(values, minimumLength: max(1, minimumLength), cutMinimumLength: Self.cutMinimumLength)
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
        guard !needles.isEmpty else { return false }
        return !SecretReadings.forEach(of: text.utf8) { reading in
            needles.forEachMatch(in: reading.bytes) { _ in false }
        }
    }

    /// `text` when it holds no value; else ``placeholder``.
    public func filtered(_ text: String) -> String {
        holdsSecret(text) ? Self.placeholder : text
    }

    /// `text` when it holds no value; else `nil`.
    public func shown(_ text: String) -> String? {
        holdsSecret(text) ? nil : text
    }

    /// The final filter: `text` with each part of it that any reading finds
    /// a value in replaced by ``cutPlaceholder`` (the whole escape sequences
    /// that part was written with, so no half escape is left), the rest as
    /// it was. The output sinks apply it to the very bytes they write, after
    /// every escape, removal and cut. Should what is left still hold a value
    /// (two cuts joining), the whole text is ``placeholder``.
    public func redacted(_ text: String) -> String {
        guard !needles.isEmpty else { return text }
        var spans: [Range<Int>] = []
        SecretReadings.forEach(of: text.utf8) { reading in
            needles.forEachMatch(in: reading.bytes) { match in
                spans.append(reading.written(match))
                return true
            }
            return true
        }
        guard !spans.isEmpty else { return text }
        spans.sort { $0.lowerBound < $1.lowerBound }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var next = 0
        var index = 0
        while index < spans.count {
            var span = spans[index]
            index += 1
            while index < spans.count, spans[index].lowerBound <= span.upperBound {
                span = span.lowerBound..<max(span.upperBound, spans[index].upperBound)
                index += 1
            }
            out += bytes[next..<max(next, span.lowerBound)]
            out += Self.cutPlaceholder.utf8
            next = max(next, span.upperBound)
        }
        out += bytes[next...]
        let result = String(decoding: out, as: UTF8.self)
        return holdsSecret(result) ? Self.placeholder : result
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
