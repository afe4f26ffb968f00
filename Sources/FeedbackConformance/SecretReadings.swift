import FeedbackWire

/// The ways a text may hold a value without showing its bytes as they are,
/// each read back to the bytes it stands for, with where every read byte
/// came from in the text as written: what ``Redactor`` searches, and how it
/// finds the part of the final text to cut out.
///
/// From the text as written (ASCII letters lowercased), each family of
/// escapes is decoded on its own, and again on what that gives, up to
/// ``depth`` layers (a peer's JSON escape inside a report's XML entity is
/// two); then each reading also with its control characters (C0, DEL, C1)
/// removed. A family decodes only its own escapes, so a value that holds
/// another family's escape character as written (`^_`, `%&`, `&#`) is
/// still found in the readings that leave that character alone.
struct SecretReadings {
    /// One reading: its bytes (ASCII letters lowercased) and, for each
    /// byte, the range of the text as written it stands for (`nil`: the
    /// identity, for the text as written).
    struct Reading {
        var bytes: [UInt8]
        var start: [Int32]?
        var end: [Int32]?

        /// The range of the text as written that `bytes[range]` stands for.
        func written(_ range: Range<Int>) -> Range<Int> {
            guard let start, let end else { return range }
            return Int(start[range.lowerBound])..<Int(end[range.upperBound - 1])
        }
    }

    /// Layers of escapes decoded at most: a peer's two (a JSON escape of a
    /// percent escape) inside a report's one, or a peer's one inside a
    /// JUnit report's two (`\u{…}`, then XML entities).
    static let depth = 3
    /// Readings at most (the text as written and its decodings, before
    /// control characters are removed from each): every reading of one and
    /// two layers (at most 1 + 4 + 16) is made before any of three.
    static let limit = 32

    /// The families of escapes, each decoded on its own.
    enum Family: CaseIterable {
        /// `\\` `\"` `\/` `\b` `\f` `\n` `\r` `\t` (JSON), `\uXXXX` with
        /// surrogate pairs (JSON, any case of hex), `\u{X…}` (Swift,
        /// ``TerminalText``), `\xHH` (C), `\` before any other ASCII
        /// punctuation (Markdown, as ``MarkupText/markdownCell(_:)`` writes).
        case backslash
        /// `%HH`.
        case percent
        /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#N;` `&#xH;` (XML, HTML).
        case entity
        /// `^@` … `^_` and `^?` (caret notation of control characters).
        case caret

        /// The byte that starts every escape of the family.
        var lead: UInt8 {
            switch self {
            case .backslash: UInt8(ascii: "\\")
            case .percent: UInt8(ascii: "%")
            case .entity: UInt8(ascii: "&")
            case .caret: UInt8(ascii: "^")
            }
        }
    }

    /// Calls `visit` with each reading of `text`, the text as written
    /// first, then those of one layer, of two, of three, until it says
    /// `false`; whether it never did. Readings are made one at a time
    /// (those of fewer layers again for each deeper round), so a large
    /// text is held a few times over at most.
    @discardableResult
    static func forEach(of text: some Collection<UInt8>, _ visit: (Reading) -> Bool) -> Bool {
        let written = Reading(bytes: text.map(lowercased), start: nil, end: nil)
        var count = 0
        var more = false
        /// Visits the readings `layers` below `reading`; `more`: whether
        /// any reading has readings below it.
        func walk(_ reading: Reading, layers: Int) -> Bool {
            if layers == 0 {
                count += 1
                if !visit(reading) { return false }
                if let stripped = withoutControls(reading), !visit(stripped) { return false }
                more = more || Family.allCases.contains { reading.bytes.contains($0.lead) }
                return true
            }
            for family in Family.allCases where count < limit {
                if let read = decode(reading, family), !walk(read, layers: layers - 1) { return false }
            }
            return true
        }
        for layers in 0...depth {
            guard count < limit else { return true }
            more = false
            guard walk(written, layers: layers) else { return false }
            guard more else { return true }
        }
        return true
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether the scalar starting at `index` is a control character (C0,
    /// DEL or C1), and how many bytes it takes.
    @inline(__always)
    static func controlWidth(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x20 || byte == 0x7F { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return 2 }
        return nil
    }

    /// `reading` without its control characters, or `nil` when it has none.
    static func withoutControls(_ reading: Reading) -> Reading? {
        let bytes = reading.bytes
        var index = 0
        while index < bytes.count, controlWidth(bytes, at: index) == nil { index += 1 }
        guard index < bytes.count else { return nil }
        return rewrite(reading) { index, _ in
            guard let width = controlWidth(bytes, at: index) else { return nil }
            return width
        }
    }

    /// `reading` with the escapes of `family` decoded, or `nil` when it
    /// holds none.
    static func decode(_ reading: Reading, _ family: Family) -> Reading? {
        guard reading.bytes.contains(family.lead) else { return nil }
        let bytes = reading.bytes
        var changed = false
        let read = rewrite(reading) { index, out in
            guard bytes[index] == family.lead else { return nil }
            let width: Int? = switch family {
            case .backslash: backslashEscape(bytes, index, &out)
            case .percent: percentEscape(bytes, index, &out)
            case .entity: entity(bytes, index, &out)
            case .caret: caretEscape(bytes, index, &out)
            }
            if width != nil { changed = true }
            return width
        }
        return changed ? read : nil
    }

    /// `reading` rewritten: at each index `escape` appends what the bytes
    /// there stand for to `out` and says how many bytes it read, or says
    /// `nil` (appending nothing) and the byte is kept. Every byte appended
    /// stands for the whole range read.
    private static func rewrite(_ reading: Reading, _ escape: (_ index: Int, _ out: inout [UInt8]) -> Int?) -> Reading {
        let bytes = reading.bytes
        var out: [UInt8] = []
        var start: [Int32] = []
        var end: [Int32] = []
        out.reserveCapacity(bytes.count)
        start.reserveCapacity(bytes.count)
        end.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let before = out.count
            let width = escape(index, &out) ?? {
                out.append(bytes[index])
                return 1
            }()
            let from = reading.start.map { $0[index] } ?? Int32(index)
            let to = reading.end.map { $0[index + width - 1] } ?? Int32(index + width)
            for _ in before..<out.count {
                start.append(from)
                end.append(to)
            }
            index += width
        }
        for position in out.indices { out[position] = lowercased(out[position]) }
        return Reading(bytes: out, start: start, end: end)
    }

    /// Appends `value`'s UTF-8 bytes (U+FFFD for a value that is no scalar).
    private static func appendScalar(_ value: UInt32, _ out: inout [UInt8]) {
        JSONEscape.encodeUTF8(Unicode.Scalar(value)?.value ?? 0xFFFD) { out.append($0) }
    }

    private static func backslashEscape(_ bytes: [UInt8], _ index: Int, _ out: inout [UInt8]) -> Int? {
        guard index + 1 < bytes.count else { return nil }
        let code = bytes[index + 1]
        // JSON's own: the one-letter escapes and `\uXXXX` (a pair is one scalar).
        if let (value, width) = try? JSONEscape.decode(bytes, at: index) {
            appendScalar(value, &out)
            return width
        }
        if code == UInt8(ascii: "u"), index + 3 < bytes.count, bytes[index + 2] == UInt8(ascii: "{") {
            var value: UInt32 = 0
            var at = index + 3
            while at < bytes.count, at < index + 11, let digit = JSONEscape.hexDigit(bytes[at]) {
                value = value << 4 | digit
                at += 1
            }
            guard at > index + 3, at < bytes.count, bytes[at] == UInt8(ascii: "}") else { return nil }
            appendScalar(value, &out)
            return at + 1 - index
        }
        if code == UInt8(ascii: "x"), index + 3 < bytes.count, let high = JSONEscape.hexDigit(bytes[index + 2]),
            let low = JSONEscape.hexDigit(bytes[index + 3])
        {
            out.append(UInt8(high << 4 | low))
            return 4
        }
        // Markdown's escapes: any ASCII punctuation.
        if (0x21...0x2F).contains(code) || (0x3A...0x40).contains(code) || (0x5B...0x60).contains(code)
            || (0x7B...0x7E).contains(code)
        {
            out.append(code)
            return 2
        }
        return nil
    }

    private static func percentEscape(_ bytes: [UInt8], _ index: Int, _ out: inout [UInt8]) -> Int? {
        guard index + 2 < bytes.count, let high = JSONEscape.hexDigit(bytes[index + 1]),
            let low = JSONEscape.hexDigit(bytes[index + 2])
        else { return nil }
        out.append(UInt8(high << 4 | low))
        return 3
    }

    /// The named entities, lowercased (readings are).
    private static let entities: [(name: [UInt8], byte: UInt8)] = [
        ("amp", 0x26), ("lt", 0x3C), ("gt", 0x3E), ("quot", 0x22), ("apos", 0x27),
    ].map { (Array($0.0.utf8), $0.1) }

    private static func entity(_ bytes: [UInt8], _ index: Int, _ out: inout [UInt8]) -> Int? {
        // The longest entity: `&#x10FFFF;`, `&#1114111;`.
        guard let semicolon = bytes[(index + 1)..<min(bytes.count, index + 11)].firstIndex(of: UInt8(ascii: ";")),
            semicolon > index + 1
        else { return nil }
        let body = bytes[(index + 1)..<semicolon]
        if body.first == UInt8(ascii: "#") {
            let hex = body.count > 1 && (body[index + 2] == UInt8(ascii: "x"))
            let digits = body.dropFirst(hex ? 2 : 1)
            guard !digits.isEmpty else { return nil }
            var value: UInt32 = 0
            for byte in digits {
                if hex {
                    guard let digit = JSONEscape.hexDigit(byte) else { return nil }
                    value = value << 4 | digit
                } else {
                    guard (0x30...0x39).contains(byte) else { return nil }
                    value = value * 10 + UInt32(byte - 0x30)
                }
            }
            appendScalar(value, &out)
            return semicolon + 1 - index
        }
        guard let named = entities.first(where: { $0.name.elementsEqual(body) }) else { return nil }
        out.append(named.byte)
        return semicolon + 1 - index
    }

    private static func caretEscape(_ bytes: [UInt8], _ index: Int, _ out: inout [UInt8]) -> Int? {
        guard index + 1 < bytes.count else { return nil }
        let code = bytes[index + 1]
        switch code {
        case 0x40...0x5F: out.append(code - 0x40)
        // Readings are lowercased: `^j` is `^J` as written, or as lowercased.
        case 0x61...0x7A: out.append(code - 0x60)
        case UInt8(ascii: "?"): out.append(0x7F)
        default: return nil
        }
        return 2
    }
}
