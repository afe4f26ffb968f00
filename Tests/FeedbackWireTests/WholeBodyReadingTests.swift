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
}
