import FeedbackConformance
import FeedbackRules
import Foundation
import Testing

/// The vectors whose wire text has no Unicode reading (flag `LoneSurrogate`):
/// loaded without a body, judged from their bytes, where refusing the body
/// conforms and answering valid does not.
@Suite("Vectors without a body (lone surrogate escapes)")
struct LoneSurrogateVectorTests {
    static let bodyless = (Vectors.library?.vectors ?? []).filter { $0.body == nil && $0.flags.contains("LoneSurrogate") }

    @Test("The loader reads body-less vectors: the wire text as written, acceptable with the alternative refused")
    func loaderReadsBodylessVectors() throws {
        let library = try Vectors.loaded.get()
        let ids = Set(Self.bodyless.map(\.id))
        #expect(ids.isSuperset(of: ["lone-surrogates.lone-high.update", "lone-surrogates.lone-low.admin",
                                    "lone-surrogates.reversed-pair.update", "lone-surrogates.cut-emoji.admin",
                                    "lone-surrogates.token-lone-low.update"]))
        #expect(ids == Set(library.vectors.filter { $0.flags.contains("LoneSurrogate") }.map(\.id)))
        for vector in Self.bodyless {
            let wire = try #require(vector.wire, "\(vector.id) has neither body nor wire")
            #expect(vector.wireBytes == Array(wire.utf8), "\(vector.id): the wire text is sent as written")
            #expect(vector.result == .acceptable && vector.alternative == .refused, "\(vector.id)")
            #expect(!vector.allowsValidAnswer, "\(vector.id)")
            #expect(vector.appliesTo == [.rules, .server], "\(vector.id)")
            #expect(vector.expected?.errorType == .invalidParameter, "\(vector.id)")
        }
        #expect(ClientCase.cases(for: Self.bodyless, answers: false).isEmpty, "no client case without a body")
        for vector in library.vectors {
            #expect((vector.result == .acceptable) == (vector.alternative != nil), "\(vector.id): alternative")
        }
    }

    @Test("The loader refuses a vector with neither body nor wire, a body-less one that is not acceptable/refused, and a misplaced alternative",
          arguments: [
              #""result":"valid""#,
              #""wire":"{}","result":"valid""#,
              #""wire":"{}","result":"acceptable","alternative":"valid""#,
              #""body":{},"result":"acceptable""#,
              #""body":{},"result":"invalid","alternative":"refused""#,
          ])
    func loaderRefusesMalformedVectors(fields: String) throws {
        #expect(throws: VectorLibrary.LoadError.self) { try Self.load(fields) }
    }

    @Test("The loader reads a body-less vector that is acceptable with the alternative refused")
    func loaderReadsWellFormedVectors() throws {
        let library = try Self.load(#""wire":"{\"Username\":\"\\ud800\"}","result":"acceptable","alternative":"refused""#)
        let vector = try #require(library.vectors.first)
        #expect(vector.body == nil && vector.alternative == .refused)
        #expect(vector.wireBytes == Array(#"{"Username":"\ud800"}"#.utf8))
    }

    @Test("This engine refuses the bytes of every body-less vector for their lone surrogate escape", arguments: bodyless)
    func engineRefusesBodylessVectors(_ vector: Vector) {
        #expect(vector.operation.answer(json: vector.wireBytes) == .refused(.loneSurrogate), "\(vector.id)")
    }

    @Test("A body-less vector accepts a refusal or the expected report, and rejects a valid report and a wrong error",
          arguments: bodyless)
    func rulesJudgement(_ vector: Vector) throws {
        let member = try #require(vector.expected?.violations.first?.member, "\(vector.id) names its member")
        let base = try #require(Vectors.library?.vectors.first {
            $0.id.hasPrefix("baseline.typical.") && $0.operation == vector.operation
        }?.body)
        func report(_ value: MemberValue, of failing: Member? = nil) -> EngineAnswer {
            .report(vector.operation.validate { $0 == (failing ?? member) ? value : base[$0] })
        }
        // The service's reading: the member fails its pattern and nothing else, as a single space does.
        #expect(vector.mismatch(report(.string(" "))) == nil, "\(vector.id): the expected report")
        #expect(vector.mismatch(.refused(.loneSurrogate)) == nil, "\(vector.id): a refusal")
        #expect(vector.mismatch(.refused(.notJSON)) == nil, "\(vector.id): a refusal, whatever its reason")
        #expect(vector.mismatch(report(.string("a"))) == "expected InvalidParameterException, got valid", "\(vector.id)")
        #expect(vector.mismatch(report(.absent)) != nil, "\(vector.id): required instead of pattern")
        #expect(vector.mismatch(report(.string(" "), of: .eventId)) != nil, "\(vector.id): another member's pattern")
        #expect(vector.mismatch(report(.nonString(.number))) != nil, "\(vector.id): SerializationException")
    }

    @Test("A refusal conforms to no vector whose alternative is not refused")
    func refusalIsNoAnswerElsewhere() throws {
        let library = try Vectors.loaded.get()
        for id in ["baseline.typical.update", "event-id-length.empty.update", "unicode-version.shaking-face.update"] {
            let vector = try #require(library.vector(id: id))
            let mismatch = try #require(vector.mismatch(.refused(.loneSurrogate)), "\(id) accepts a refusal")
            #expect(mismatch.hasSuffix("got the body refused as unusable (the body holds a lone UTF-16 surrogate escape, which cannot be judged here)"))
        }
    }

    /// Loads a vectors folder holding one topic file with one vector made of
    /// `fields` and the usual rest.
    static func load(_ fields: String) throws -> VectorLibrary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"flags":{}}"#.utf8).write(to: folder.appendingPathComponent("flags.json"))
        let vector = #"{"id":"t.x.update","description":"d","operation":"UpdateAuthEventFeedback","#
            + fields + #","flags":[],"appliesTo":["rules"],"expected":null}"#
        try Data((#"{"tests":["# + vector + "]}").utf8).write(to: folder.appendingPathComponent("t.json"))
        return try VectorLibrary.load(from: folder)
    }
}
