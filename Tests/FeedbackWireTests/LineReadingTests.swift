import FeedbackRules
import FeedbackTestSupport
import FeedbackWire
import Testing

/// `plainLine`, which reads a JSON Lines line where it lies in its block,
/// against a reader of that line alone (what `lint --jsonl` used for every
/// line before): whatever it takes, it must read exactly as that reader.
@Suite("A JSON Lines line read in place")
struct LineReadingTests {
    static let keys = FeedbackOperation.updateAuthEventFeedback.memberKeys

    /// What a reader of the line alone keeps: the bytes up to the first LF,
    /// without a CR just before it (as `lint --jsonl` cuts lines).
    static func readAlone(_ block: [UInt8]) -> Result<[String: JSONValue], JSONError> {
        var end = block.firstIndex(of: 0x0A) ?? block.count
        if end > 0, block[end - 1] == 0x0D { end -= 1 }
        return readBody(Array(block[..<end]), keys: keys, chunk: nil)
    }

    /// Whether `plainLine` takes the first line of `block`, and if so where
    /// it stops and what it kept.
    static func readInPlace(_ block: [UInt8]) -> (offset: Int, members: [String: JSONValue])? {
        block.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            var kept = KeptMembers(count: keys.count)
            guard reader.plainLine(1, keys: keys, into: &kept) else { return nil }
            #expect(kept.start == TextLocation(line: 1, column: 1))
            return (reader.offset, kept.dictionary(names: keys.names))
        }
    }

    static let keyTexts = [#""UserPoolId""#, #""Username""#, #""EventId""#, #""FeedbackToken""#, #""FeedbackValue""#,
                           #""Extra""#, #""User\u006eame""#, #""UsernameX""#]
    static let valueTexts = [
        #""alice""#, #""us-east-1_EXAMPLE1""#, #""\u5c71\u7530\ud83d\ude00""#, #""Zoë😀""#, #""a\"b\\c\/\b\f\n\r\t""#,
        "\"" + String(repeating: "a", count: 200) + "\"", "\"" + String(repeating: "\\u00e9", count: 40) + "\"",
        #""\ud800""#, #""""#, "123", "-1.5e3", "0", "null", "true", "false", "[1, 2]", #"{"a": "\n"}"#, "[]", "[1,\n 2]", "{\"a\":\n1}",
        "tru", "01", "1.", #""abc"#, "\"a\u{1}b\"", #""\x""#, "-",
    ]
    static let spaces = ["", "", "", " ", " ", "\t", "\r", "\n", "  ", " \r\n "]
    static let leads = ["", "", "", " ", "\u{FEFF}", "\n", "\r"]
    static let tails = ["", "", "", " ", "\r", " \r", "\t", "x", "\u{0}", ",", "}", "\n\n", "\r\r"]

    /// A line of members picked at random, with white space (LF included)
    /// between any two tokens, and sometimes cut short.
    static func line(_ random: inout SplitMix64) -> [UInt8] {
        func space() -> String { spaces.randomElement(using: &random)! }
        var text = leads.randomElement(using: &random)! + "{" + space()
        let count = Int.random(in: 0...6, using: &random)
        for index in 0..<count {
            if index > 0 { text += "," + space() }
            text += keyTexts.randomElement(using: &random)! + space() + ":" + space() + valueTexts.randomElement(using: &random)! + space()
        }
        text += "}" + tails.randomElement(using: &random)!
        var bytes = Array(text.utf8)
        if Int.random(in: 0..<10, using: &random) == 0 { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random))) }
        return bytes
    }

    @Test("A line it takes reads as a reader of that line alone reads it, and it stops past that line's LF")
    func takesOnlyWhatTheLineReaderAccepts() {
        var random = SplitMix64(seed: 16)
        var taken = 0, left = 0
        for _ in 0..<20_000 {
            let line = Self.line(&random)
            for next in [Array("\n{}\n".utf8), []] {
                let block = line + next
                guard let (offset, members) = Self.readInPlace(block) else {
                    left += 1
                    continue
                }
                taken += 1
                let text = String(decoding: block.prefix(120), as: UTF8.self).debugDescription
                #expect(Self.readAlone(block) == .success(members), "\(text)")
                let lineEnd = block.firstIndex(of: 0x0A).map { $0 + 1 } ?? block.count
                #expect(offset == lineEnd, "\(text)")
            }
        }
        // Both outcomes are exercised in numbers.
        #expect(taken > 1_000 && left > 1_000, "taken \(taken), left \(left)")
    }

    @Test("The lines json.dumps writes are read in place", arguments: [
        #"{"UserPoolId": "us-east-1_EXAMPLE1", "Username": "alice", "EventId": "evt-0", "FeedbackToken": "abc.def=", "FeedbackValue": "valid"}"#,
        #"{"UserPoolId": "us-east-1_EXAMPLE1", "Username": "\u5c71\u7530\u592a\u90ce", "EventId": "evt-1", "FeedbackToken": "abc.def=", "FeedbackValue": "Valid"}"#,
        #"{"Username":"Zoë😀","FeedbackValue":null,"EventId":7}"#,
    ])
    func commonLinesInPlace(line: String) {
        let block = Array((line + "\r\n" + line).utf8)
        #expect(Self.readInPlace(block)?.offset == line.utf8.count + 2)
    }

    @Test("A line with an unknown or escaped key, a nested value, or a body split over lines is left to the line's own reader",
          arguments: [#"{"Extra": 1}"#, #"{"User\u006eame": "a"}"#, #"{"Username": ["a"]}"#, "{\"Username\":\n\"a\"}", " {}", "\u{FEFF}{}", "[]"])
    func unusualLinesLeft(line: String) {
        #expect(Self.readInPlace(Array((line + "\n").utf8)) == nil)
    }
}
