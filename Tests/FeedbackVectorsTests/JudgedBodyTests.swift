import FeedbackRules
import FeedbackTestSupport
import FeedbackVectors
import FeedbackWire
import Testing

/// `judge(json:)` is `validate(json:)` with the values kept: on every rules
/// vector (and each body as the other operation's) its report is
/// `validate(json:)`'s, and a valid body's values are what `RequestBody`
/// reads, escapes decoded.
@Suite("A judged body reports as validate(json:) does and keeps a valid body's values")
struct JudgedBodyTests {
    @Test("Every rules vector, judged by both operations")
    func agreesWithValidateAndRequestBody() throws {
        let vectors = try Vectors.for(.rules)
        var valid = 0
        for vector in vectors {
            for operation in FeedbackOperation.allCases {
                let wire = vector.wireBytes
                let judged = Result { () throws(JSONError) in try operation.judge(json: wire) }
                let validated = Result { () throws(JSONError) in try operation.validate(json: wire) }
                switch (judged, validated) {
                case (.success(let judged), .success(let report)):
                    #expect(judged.report == report, "\(vector.id) as \(operation.rawValue)")
                    let body = try RequestBody(json: wire, keepingOnly: operation.wireNames)
                    for member in Member.allCases {
                        var expected: String?
                        if report.isValid, operation.has(member), case .string(let value) = body[member] { expected = value }
                        #expect(judged[member] == expected, "\(vector.id) as \(operation.rawValue): \(member)")
                    }
                    if report.isValid { valid += 1 }
                case (.failure(let judgedError), .failure(let error)):
                    #expect(judgedError == error, "\(vector.id) as \(operation.rawValue)")
                default:
                    Issue.record("\(vector.id) as \(operation.rawValue): judge and validate disagree on whether it is JSON")
                }
            }
        }
        #expect(valid >= 50, "only \(valid) valid bodies: the values were hardly checked")
    }

    @Test("Escaped values are decoded")
    func escapesAreDecoded() throws {
        let judged = try FeedbackOperation.adminUpdateAuthEventFeedback.judge(json: Array(
            #"{"UserPoolId":"us-east-1_A","Username":"\u00e9l\u00e8ve","EventId":"e\u002d1","FeedbackValue":"Valid","FeedbackToken":"x"}"#.utf8))
        #expect(judged.report.isValid)
        #expect(judged[.username] == "\u{E9}l\u{E8}ve")
        #expect(judged[.eventId] == "e-1")
        #expect(judged[.feedbackToken] == nil)  // not the Admin operation's member
    }

    @Test("Descriptions, debug descriptions and dumps never show a Username or a FeedbackToken")
    func sensitiveValuesAreRedacted() throws {
        let judged = try FeedbackOperation.updateAuthEventFeedback.judge(json: Array(
            #"{"UserPoolId":"us-east-1_A","Username":"secret-user","EventId":"e1","FeedbackValue":"Valid","FeedbackToken":"secret.token"}"#.utf8))
        #expect(judged.report.isValid)
        var dumped = ""
        dump(judged, to: &dumped)
        for text in [String(describing: judged), String(reflecting: judged), dumped, "\(judged)"] {
            #expect(!text.contains("secret"), "\(text)")
            #expect(text.contains("<redacted>") && text.contains("us-east-1_A"), "\(text)")
        }
    }
}
