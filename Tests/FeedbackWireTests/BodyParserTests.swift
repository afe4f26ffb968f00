import FeedbackRules
import FeedbackTestSupport
import FeedbackVectors
import FeedbackWire
import Foundation
import Testing

/// The reason `bytes` are refused as a body, or `nil` when they are read.
func refusal(_ bytes: some Sequence<UInt8>, keepingOnly keys: Set<String>? = nil) -> JSONError.Reason? {
    do {
        _ = try RequestBody(json: bytes, keepingOnly: keys)
        return nil
    } catch {
        return error.reason
    }
}

/// The keys judging keeps: every member of either operation.
let memberKeys = Set(Member.allCases.map(\.wireName))

/// The body parser against the vectors and against Foundation's
/// `JSONSerialization`, on what both accept and what it must refuse.
@Suite("Request body parsing")
struct BodyParserTests {
    /// JSON as botocore writes it: every non-ASCII scalar as `\uXXXX`, above
    /// U+FFFF as a surrogate pair.
    static func asciiEscaped(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : "\(n)"
        case .array(let a): return "[" + a.map(asciiEscaped).joined(separator: ",") + "]"
        case .object(let o): return "{" + o.map { asciiEscaped(.string($0.key)) + ":" + asciiEscaped($0.value) }.joined(separator: ",") + "}"
        case .string(let s):
            var out = "\""
            for unit in s.utf16 {
                switch unit {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(unit)!)
                default: out += String(format: "\\u%04x", unit)
                }
            }
            return out + "\""
        }
    }

    @Test("Every vector body reads back exactly, raw UTF-8 or \\u-escaped with surrogate pairs")
    func vectorBodiesRoundTrip() throws {
        try Vectors.for(.rules).selecting("for rules with a body") { $0.body != nil }.check { vector throws in
            let body = try #require(vector.body, "\(vector.id)")
            let raw = JSONValue.object(body.members).jsonText
            #expect(try RequestBody(json: raw) == body, "\(vector.id)")
            #expect(try RequestBody(json: Data(Self.asciiEscaped(.object(body.members)).utf8)) == body, "\(vector.id)")
        }
    }

    @Test("Valid documents read as JSONSerialization reads them", arguments: [
        #"{}"#, #"{"a":{}}"#, #"{"a":[]}"#, #" {"a" : [ 1 , -0 , 0.5 , 1e5 , -2.5E-3 , true , false , null ] } "#,
        #"{"a":"\/\b\f\n\r\t\"\\"}"#, #"{"a":"\u00e9\u4e2d\ud83d\ude00"}"#, #"{"é":"漢字😀"}"#, #"{"a":{"b":{"c":[[["d"]]]}}}"#,
        #"{"a":1,"a":"last"}"#, "\u{FEFF}{\"a\":1}", #"{"a":"\u0000"}"#, #"{"":""}"#, #"{"n":123456789012345678901234567890}"#,
    ])
    func agreesWithFoundation(_ text: String) throws {
        let data = Data(text.utf8)
        let foundation = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let ours = try RequestBody(json: data)
        #expect(Set(ours.members.keys) == Set(foundation.keys))
        for (key, value) in foundation {
            #expect(Self.same(ours.members[key]!, value), "key \(key)")
        }
    }

    static func same(_ ours: JSONValue, _ theirs: Any) -> Bool {
        switch ours {
        case .null: return theirs is NSNull
        case .string(let s): return (theirs as? String).map { $0.utf8.elementsEqual(s.utf8) } ?? false
        case .bool(let b): return (theirs as? NSNumber).map { String(cString: $0.objCType) == "c" && $0.boolValue == b } ?? false
        case .number(let n): return (theirs as? NSNumber).map { $0.doubleValue == n || abs($0.doubleValue - n) <= abs(n) * 1e-15 } ?? false
        case .array(let a): return (theirs as? [Any]).map { $0.count == a.count && zip(a, $0).allSatisfy { same($0, $1) } } ?? false
        case .object(let o):
            guard let dictionary = theirs as? [String: Any], dictionary.count == o.count else { return false }
            return o.allSatisfy { key, value in dictionary[key].map { same(value, $0) } ?? false }
        }
    }

    @Test("Malformed documents are refused with the right reason", arguments: [
        ("", JSONError.Reason.empty), (" \t\r\n", .empty), ("\u{FEFF}", .empty),
        (#"{"a":1,}"#, .syntax), (#"{"a":[1,]}"#, .syntax), (#"{"a":01}"#, .syntax), (#"{"a":NaN}"#, .syntax),
        (#"{'a':1}"#, .syntax), (#"{"a":"x}"#, .syntax), (#"{"a":1}x"#, .syntax), (#"{"a":1}{}"#, .syntax),
        ("{\"a\":\"tab\u{9}here\"}", .syntax), (#"{"a":"\x"}"#, .syntax), (#"{"a":"\u12"}"#, .syntax), (#"{"a":-}"#, .syntax),
        (#"{"a":1.}"#, .syntax), (#"{"a":1e}"#, .syntax), (#"{"a":tru}"#, .syntax), (#"{a:1}"#, .syntax), ("{\"a\":1 /* c */}", .syntax),
        (#"{"a":"\ud800"}"#, .loneSurrogate), (#"{"a":"\udc00x"}"#, .loneSurrogate), (#"{"a":"\ud800\u0041"}"#, .loneSurrogate),
        ("[]", .notObject), ("1", .notObject), ("null", .notObject),
    ])
    func malformed(_ text: String, _ reason: JSONError.Reason) {
        #expect(refusal(Data(text.utf8)) == reason)
    }

    @Test("A lone surrogate where judging does not look (an unknown member, its key, nested values) is valid JSON and ignored",
          arguments: [#""Extra":"\ud800""#, #""\udc00x":"v""#, #""Extra":{"\ud800":["\udfff",{"k":"\ud83d"}]}"#,
                      #""Extra":"\ud800\u0041\n""#])
    func loneSurrogateWhereIgnored(_ extra: String) throws {
        let text = #"{"UserPoolId":"us-east-1_EXAMPLE","Username":"alice","EventId":"e1","FeedbackValue":"Valid","#
            + extra + "}"
        let body = try RequestBody(json: Data(text.utf8), keepingOnly: memberKeys)
        #expect(FeedbackOperation.adminUpdateAuthEventFeedback.validate(body).isValid)
        // Kept whole (no key filter), the same body cannot be held.
        #expect(refusal(Data(text.utf8)) == .loneSurrogate)
    }

    @Test("A lone surrogate in a member judged is refused, however it is escaped next", arguments: [
        #""\ud800""#, #""\ud800\u0041""#, #""\ud800\n""#, #""a\udc00""#, #""\ud800\ud800""#,
    ])
    func loneSurrogateInMember(_ value: String) {
        let text = #"{"UserPoolId":"us-east-1_EXAMPLE","Username":"# + value + #","EventId":"e1","FeedbackValue":"Valid"}"#
        #expect(refusal(Data(text.utf8), keepingOnly: memberKeys) == .loneSurrogate)
    }

    @Test("Invalid UTF-8 is refused in and outside strings", arguments: [
        [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D],        // 0xFF in a string
        [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D],  // overlong '/'
        [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D],  // encoded surrogate
        [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x7D],  // above U+10FFFF
        [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE4, 0xB8, 0x22, 0x7D],  // truncated sequence
        [0x7B, 0xFF, 0x7D],                                              // outside a string
    ] as [[UInt8]])
    func invalidUTF8(_ bytes: [UInt8]) {
        #expect(refusal(bytes) == .notUTF8)
    }

    @Test("Nesting: 512 levels are read, 513 and 100,000 are refused without exhausting the stack")
    func nesting() throws {
        func nested(_ depth: Int) -> Data { Data(("{\"a\":" + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "}").utf8) }
        _ = try RequestBody(json: nested(512))
        #expect(refusal(nested(513)) == .tooDeep)
        #expect(refusal(nested(100_000)) == .tooDeep)
    }
}

@Suite("Body encoding")
struct BodyEncodingTests {
    /// Found by the FuzzBody target: `333e33333333` parses to infinity, and
    /// was written back as `inf`, which is not JSON.
    @Test("A body survives its own encoding, numbers beyond Double's range included", arguments: [
        #"{"Uod":333e33333333}"#, #"{"a":-1e400,"b":1e-400,"c":-0,"d":123456789012345678901234}"#,
        #"{"Username":"\u0000\"\\\u001f\u007f é😀","x":[true,false,null,{"y":0.5}]}"#,
    ])
    func bodySurvivesEncoding(_ text: String) throws {
        let body = try RequestBody(json: Array(text.utf8))
        for operation in FeedbackOperation.allCases {
            #expect(try RequestBody(json: body.jsonText(for: operation)) == body)
        }
    }
}
