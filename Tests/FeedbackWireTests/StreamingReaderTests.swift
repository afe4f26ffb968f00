import FeedbackRules
import FeedbackTestSupport
import FeedbackVectors
import FeedbackWire
import Testing

/// Bytes handed to the reader a few at a time, as a pipe may: every refill
/// boundary falls somewhere new.
final class ChunkedSource: JSONByteSource {
    private let text: [UInt8]
    private let chunk: Int
    private var next = 0
    /// The window handed out last, owned here until the next one.
    private var window = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

    init(_ text: [UInt8], chunk: Int) {
        self.text = text
        self.chunk = chunk
    }

    deinit { window.deallocate() }

    /// The first window.
    func first() -> UnsafeBufferPointer<UInt8> {
        next = min(chunk, text.count)
        return replaceWindow(with: text[..<next])
    }

    func refill(keepingFrom consumed: Int) -> UnsafeBufferPointer<UInt8>? {
        guard next < text.count else { return nil }
        let end = min(next + chunk, text.count)
        let bytes = Array(window[consumed...]) + text[next..<end]
        next = end
        return replaceWindow(with: bytes[...])
    }

    private func replaceWindow(with bytes: ArraySlice<UInt8>) -> UnsafeBufferPointer<UInt8> {
        window.deallocate()
        window = .allocate(capacity: max(bytes.count, 1))
        _ = window.initialize(from: bytes)
        return UnsafeBufferPointer(rebasing: window[..<bytes.count])
    }
}

/// What reading `text` as a body gives: its kept members, or the error.
func readBody(_ text: [UInt8], keys: MemberKeys, chunk: Int?) -> Result<[String: JSONValue], JSONError> {
    func read(_ reader: inout JSONReader) throws(JSONError) -> [String: JSONValue] {
        var kept = KeptMembers(count: keys.count)
        try reader.startDocument()
        try reader.readBody(keys: keys, into: &kept)
        try reader.finishDocument()
        return kept.dictionary(names: keys.names)
    }
    guard let chunk else {
        return text.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            return Result { () throws(JSONError) in try read(&reader) }
        }
    }
    let source = ChunkedSource(text, chunk: chunk)
    var reader = JSONReader(source.first(), source: source)
    return Result { () throws(JSONError) in try read(&reader) }
}

/// The one reader, streaming: the same members, the same errors at the same
/// offsets, whatever the window boundaries.
@Suite("The JSON reader, streamed")
struct StreamingReaderTests {
    static let keys = FeedbackOperation.updateAuthEventFeedback.memberKeys

    static let documents: [String] = [
        #"{"UserPoolId":"us-east-1_abc","Username":"alice","EventId":"e1","FeedbackToken":"t","FeedbackValue":"Valid"}"#,
        #" { "Username" : "\u5c71\u7530\ud83d\ude00" , "Extra" : [1, {"a": "\ud800"}, -2.5e3, true, null] , "EventId" : null } "#,
        #"{"\u0055serPoolId":"escaped key","UserPoolIdX":"longer key","Username":"a\"b\\c\/\b\f\n\r\t"}"#,
        #"{"Username":"last","Username":"wins","FeedbackValue":123456789012345678901234567890}"#,
        #"{"EventId":{"nested":{"deep":[[[]]]}},"FeedbackToken":false}"#,
        "\u{FEFF}{\"Username\":\"bom\"}",
        #"{"Username":"\ud800"}"#, #"{"Username":"x","Extra":"\ud800","\udc00":1}"#,
        #"{"a":1,}"#, #"{"a":[1,]}"#, #"{"a":01}"#, #"{"a":tru}"#, #"{"Username":"x}"#, #"{"a":1}x"#, "{\"a\":\"\u{1}\"}",
        #"{"a":"\x"}"#, #"{"a":"\u12"}"#, #"{"a":-}"#, "", "   ", "[1,2]", "1", #"{"a":"\uD83D\u0041"}"#,
        String(repeating: "[", count: 600),
    ]

    @Test("Each document and each vector's wire text reads alike in memory and streamed 1, 2, 3, 7 and 64 bytes at a time")
    func streamedLikeWhole() throws {
        var texts = Self.documents.map { Array($0.utf8) }
        texts += [[0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE4, 0xB8, 0x22, 0x7D], [0x7B, 0xFF, 0x7D], [0x7B, 0x22, 0x61, 0x22, 0x3A, 0xF0, 0x9F]]
        texts += try Vectors.for(.rules).map(\.wireBytes)
        for text in texts {
            let whole = readBody(text, keys: Self.keys, chunk: nil)
            for chunk in [1, 2, 3, 7, 64] {
                let streamed = readBody(text, keys: Self.keys, chunk: chunk)
                #expect(streamed == whole,
                        "chunk \(chunk), text \(String(decoding: text.prefix(80), as: UTF8.self))")
            }
        }
    }

    @Test("A kept member reads as each body wrote it: the same value twice, absent, a new one, an escaped one")
    func keptStringsAcrossBodies() throws {
        var kept = KeptMembers(count: Self.keys.count)
        for (text, expected) in [(#"{"Username":"same"}"#, "same"), (#"{"Username":"same"}"#, "same"), (#"{}"#, nil),
                                 (#"{"Username":"other"}"#, "other"), (#"{"Username":"o\u0074her"}"#, "other")] {
            try Array(text.utf8).withUnsafeBufferPointer { buffer throws(JSONError) in
                var reader = JSONReader(buffer)
                try reader.startDocument()
                try reader.readBody(keys: Self.keys, into: &kept)
            }
            #expect(kept.string(at: 1) == expected)
        }
    }

    @Test("Error locations count lines at LF and columns in Unicode scalars, as JSONError.location(in:) does, streamed too")
    func locations() {
        let text = Array("{\n  \"Username\": \"é😀\",\n  \"EventId\": tru\n}".utf8)
        guard case .failure(let error) = readBody(text, keys: Self.keys, chunk: nil) else { return #expect(Bool(false)) }
        let expected = error.location(in: text)
        for chunk in [1, 5, 100] {
            let source = ChunkedSource(text, chunk: chunk)
            var reader = JSONReader(source.first(), source: source)
            var kept = KeptMembers(count: Self.keys.count)
            kept.locatesValues = true
            let outcome = Result { () throws(JSONError) in
                try reader.startDocument()
                try reader.readBody(keys: Self.keys, into: &kept)
            }
            guard case .failure(let streamed) = outcome else { return #expect(Bool(false)) }
            let location = reader.location(of: streamed.offset)
            #expect(location.line == expected.line && location.column == expected.column)
            #expect(location == TextLocation(line: 3, column: 17))
            #expect(kept.locations[1] == TextLocation(line: 2, column: 15), "Username's value")
        }
    }

    @Test("A huge unknown key and a huge unknown value are checked without being kept")
    func hugeUnknownMembers() {
        let key = String(repeating: "k", count: 100_000), escaped = String(repeating: "\\u0041", count: 20_000)
        let text = Array(#"{""# .utf8) + Array(key.utf8) + Array(#"":""#.utf8) + Array(escaped.utf8) + Array(#"","Username":"u"}"#.utf8)
        for chunk in [nil, 13] as [Int?] {
            #expect(readBody(text, keys: Self.keys, chunk: chunk) == .success(["Username": "u"]))
        }
    }
}
