/// How an answer's aggregate message is compared with a vector's: the same
/// head (`N validation errors detected: `), then each expected part once,
/// joined by `; `, in any order (the service's order is not stable), byte
/// for byte otherwise.
///
/// Judging a server, two readings more are accepted: an enum's values in
/// any order (`[Invalid, Valid]` for `[Valid, Invalid]`: the service lists a
/// hash set), and, where the vector rests on the project's decision for an
/// absent sensitive member (flag `SensitiveNull`), either documented
/// reading: `Value null at 'username'` or `Value at 'username'`.
struct MessageComparison {
    /// Compare the values of `enum value set: [...]` as a set.
    var enumValuesAsSet = false
    /// Accept `Value at 'username'` for `Value null at 'username'` (and the token's).
    var sensitiveNullEitherReading = false

    /// Whether `got` is `expected`, whose parts are `parts`, up to the
    /// order of the parts and the readings this comparison accepts.
    func same(_ expected: String, _ got: String, parts: [String]) -> Bool {
        let expected = canonical(expected), got = canonical(got), parts = parts.map(canonical)
        if expected.utf8.elementsEqual(got.utf8) { return true }
        let marker = "detected: "
        guard let head = expected.firstRange(of: marker), let gotHead = got.firstRange(of: marker),
            expected.utf8[..<head.upperBound].elementsEqual(got.utf8[..<gotHead.upperBound])
        else { return false }
        var rest = got.utf8[gotHead.upperBound...]
        var remaining = parts
        while !remaining.isEmpty {
            guard let index = remaining.firstIndex(where: { rest.starts(with: $0.utf8) }) else { return false }
            rest = rest.dropFirst(remaining[index].utf8.count)
            remaining.remove(at: index)
            if !remaining.isEmpty {
                guard rest.starts(with: "; ".utf8) else { return false }
                rest = rest.dropFirst(2)
            }
        }
        return rest.isEmpty
    }

    /// Whether `message` holds `part`, up to the accepted readings.
    func holds(_ message: String, part: String) -> Bool {
        canonical(message).contains(canonical(part))
    }

    /// `text` with each accepted reading written one way.
    func canonical(_ text: String) -> String {
        var text = text
        if sensitiveNullEitherReading {
            for path in ["username", "feedbackToken"] {
                text = text.replacing("Value null at '\(path)'", with: "Value at '\(path)'")
            }
        }
        guard enumValuesAsSet else { return text }
        let marker = "enum value set: ["
        var out = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: marker), let close = rest[start.upperBound...].firstIndex(of: "]") {
            let values = rest[start.upperBound..<close].split(separator: ",").map { $0.trimmingASCIIWhitespaceSubstring }
            out += rest[..<start.upperBound] + values.sorted().joined(separator: ", ") + "]"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    fileprivate var trimmingASCIIWhitespaceSubstring: String { String(self).trimmingASCIIWhitespace }
}
