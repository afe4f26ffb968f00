import FeedbackConformance
import FeedbackTestSupport
import Testing

/// The reason this project's engine refuses a vector's bytes, or `nil`.
func refusal(_ vector: Vector) -> JSONError.Reason? {
    do {
        _ = try vector.operation.validate(json: vector.wireBytes)
        return nil
    } catch {
        return error.reason
    }
}

/// Vectors whose wire text has no Unicode reading (flag `LoneSurrogate`) are
/// judged from their bytes: the surrogate kept (Cs: the pattern fails), a
/// refusal of the body, and the U+FFFD reading (valid for a username, the
/// pattern error for a token) conform.
@Suite("Judging an engine on vectors without a body")
struct BodylessVectorJudgementTests {
    static let bodyless = (Vectors.library?.vectors ?? []).filter { $0.body == nil && $0.flags.contains("LoneSurrogate") }

    @Test("This engine refuses the bytes of every body-less vector for their lone surrogate escape", arguments: bodyless)
    func engineRefusesBodylessVectors(_ vector: Vector) {
        #expect(refusal(vector) == .loneSurrogate, "\(vector.id)")
    }

    @Test("A body-less vector accepts a refusal, the expected report and the U+FFFD reading, and rejects a wrong error",
          arguments: bodyless)
    func rulesJudgement(_ vector: Vector) throws {
        let member = try #require(vector.expected?.violations.first?.member, "\(vector.id) names its member")
        let base = try #require(Vectors.library?.vectors.first {
            $0.id.hasPrefix("baseline.typical.") && $0.operation == vector.operation
        }?.body)
        func report(_ value: MemberValue, of failing: Member? = nil) -> Result<ValidationReport, JSONError> {
            .success(vector.operation.validate { $0 == (failing ?? member) ? value : base[$0] })
        }
        func refused(_ reason: JSONError.Reason) -> Result<ValidationReport, JSONError> { .failure(JSONError(reason, at: 0)) }
        // The service's reading: the member fails its pattern and nothing else, as a single space does.
        #expect(vector.judge(report(.string(" "))).verdict == .pass, "\(vector.id): the expected report")
        #expect(vector.judge(refused(.loneSurrogate)).verdict == .pass, "\(vector.id): a refusal")
        #expect(vector.judge(refused(.syntax)).verdict == .pass, "\(vector.id): a refusal, whatever its reason")
        // The U+FFFD reading: So, which the username's \p{S} holds and the token charset does not.
        if member == .username {
            #expect(vector.judge(report(.string("\u{FFFD}"))).verdict == .pass, "\(vector.id): U+FFFD read as a symbol")
        } else {
            #expect(vector.judge(report(.string("a"))).got == "expected InvalidParameterException, got valid", "\(vector.id)")
        }
        #expect(vector.judge(report(.absent)).verdict == .fail, "\(vector.id): required instead of pattern")
        #expect(vector.judge(report(.string(" "), of: .eventId)).verdict == .fail, "\(vector.id): another member's pattern")
        #expect(vector.judge(report(.nonString(.number))).verdict == .fail, "\(vector.id): SerializationException")
    }

    @Test("A refusal conforms to no vector that neither expects nor allows one")
    func refusalIsNoAnswerElsewhere() throws {
        let library = try Vectors.loaded.get()
        for id in ["baseline.typical.update", "event-id-length.empty.update", "unicode-version.shaking-face.update"] {
            let vector = try #require(library.vector(id: id))
            let result = vector.judge(.failure(JSONError(.loneSurrogate, at: 0)))
            #expect(result.verdict == .fail, "\(id) accepts a refusal")
            #expect(result.got == "the body refused as unusable (a lone UTF-16 surrogate escape, which cannot be judged here)")
        }
    }
}
