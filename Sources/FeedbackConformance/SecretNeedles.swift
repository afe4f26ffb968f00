/// What a ``Redactor`` looks for in each reading of a text, lowercased
/// (ASCII) and indexed by their first two bytes, and the one scan that finds
/// them: for each position of the reading, the few values starting with its
/// two bytes are compared (time: the reading's length times those few, no
/// regex engine).
struct SecretNeedles: Sendable {
    /// Needles of two bytes or more, by their first two bytes.
    private var byPair: [UInt16: [[UInt8]]] = [:]
    /// Needles of one byte (only when the minimum is 1).
    private var single: Set<UInt8> = []
    /// Values long enough for a cut prefix: those `…` may end.
    private var cuttable: [UInt16: [[UInt8]]] = [:]
    /// The shortest prefix before `…` that counts.
    private let cutMinimumLength: Int
    /// The longest value that may be cut, in bytes (bounds the look back).
    private var longestCuttable = 0
    /// The longest cuttable value starting with each pair of bytes (0: none),
    /// so the look back before `…` skips a position at one array read
    /// where no value is long enough to start there.
    private var longestByPair = [Int32](repeating: 0, count: 65_536)
    /// How far before `…` a prefix may start: the reports cut texts at 2,000
    /// scalars at most, which their escapes may make 8 times as long.
    static let cutWindow = 16_384

    /// Whether nothing is looked for.
    var isEmpty: Bool { byPair.isEmpty && single.isEmpty }

    /// The UTF-8 bytes of `…` (U+2026), which ends a text a report cut.
    static let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]

    /// The needles of `values`: each value, its form without control
    /// characters, and its prefixes ending at a control character (those of
    /// `cutMinimumLength` bytes or more); the others of `minimumLength`
    /// bytes or more.
    init(_ values: some Sequence<String>, minimumLength: Int, cutMinimumLength: Int) {
        self.cutMinimumLength = max(minimumLength, cutMinimumLength)
        // Deduplicated as bytes: a set of Strings would keep one of two
        // canonically equivalent values (NFC and NFD), and miss the other.
        var needles: Set<[UInt8]> = []
        for value in values {
            let bytes = value.utf8.map(SecretReadings.lowercased)
            var clean: [UInt8] = []
            clean.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if let width = SecretReadings.controlWidth(bytes, at: index) {
                    if clean.count >= self.cutMinimumLength { needles.insert(clean) }
                    index += width
                } else {
                    clean.append(bytes[index])
                    index += 1
                }
            }
            for needle in [bytes, clean] where needle.count >= minimumLength { needles.insert(needle) }
            if clean.count > self.cutMinimumLength {
                let pair = Self.pair(clean, 0)
                cuttable[pair, default: []].append(clean)
                longestCuttable = max(longestCuttable, clean.count)
                longestByPair[Int(pair)] = max(longestByPair[Int(pair)], Int32(clamping: clean.count))
            }
        }
        // Longest first: the look back stops at the first value too short.
        for pair in cuttable.keys { cuttable[pair]!.sort { $0.count > $1.count } }
        for needle in needles {
            if needle.count == 1 { single.insert(needle[0]) } else { byPair[Self.pair(needle, 0), default: []].append(needle) }
        }
    }

    @inline(__always)
    private static func pair(_ bytes: [UInt8], _ index: Int) -> UInt16 {
        UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
    }

    /// Calls `found` with the range of each match in `text` (a needle, or
    /// a prefix of a value right before `…`) until it says `false`; whether
    /// it never did.
    @discardableResult
    func forEachMatch(in text: [UInt8], _ found: (Range<Int>) -> Bool) -> Bool {
        let count = text.count
        var start = 0
        while start < count {
            if !single.isEmpty, single.contains(text[start]), !found(start..<(start + 1)) { return false }
            if start + 1 < count, let candidates = byPair[Self.pair(text, start)] {
                for needle in candidates where needle.count <= count - start && Self.equal(text, start, needle, needle.count) {
                    if !found(start..<(start + needle.count)) { return false }
                }
            }
            if text[start] == 0xE2, start + 2 < count, text[start + 1] == 0x80, text[start + 2] == 0xA6,
                !cutPrefixes(in: text, before: start, found)
            {
                return false
            }
            start += 1
        }
        return true
    }

    /// The prefixes of values that end right before `end` (where `…`
    /// stands), at least ``cutMinimumLength`` bytes long.
    private func cutPrefixes(in text: [UInt8], before end: Int, _ found: (Range<Int>) -> Bool) -> Bool {
        guard !cuttable.isEmpty, end >= cutMinimumLength else { return true }
        var start = max(0, end - min(longestCuttable - 1, Self.cutWindow))
        while start <= end - cutMinimumLength {
            let length = end - start
            let pair = Self.pair(text, start)
            if Int(longestByPair[Int(pair)]) > length, let candidates = cuttable[pair] {
                for value in candidates {
                    if value.count <= length { break }
                    if Self.equal(text, start, value, length) {
                        if !found(start..<end) { return false }
                        break
                    }
                }
            }
            start += 1
        }
        return true
    }

    /// Whether `text[start..<start + length]` is `needle`'s first `length`
    /// bytes (the first two are known to be).
    @inline(__always)
    private static func equal(_ text: [UInt8], _ start: Int, _ needle: [UInt8], _ length: Int) -> Bool {
        var offset = 2
        while offset < length && text[start + offset] == needle[offset] { offset += 1 }
        return offset >= length
    }
}
