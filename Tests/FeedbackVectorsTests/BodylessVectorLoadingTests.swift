import FeedbackTestSupport
import FeedbackVectors
import Foundation
import Testing

/// The vectors whose wire text has no Unicode reading (flag `LoneSurrogate`)
/// load without a body (their judging: `EngineJudgementTests`).
@Suite("Loading vectors without a body (lone surrogate escapes)")
struct BodylessVectorLoadingTests {
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
        #expect(throws: LoadError.self) { try Self.load(fields) }
    }

    @Test("The loader reads a body-less vector that is acceptable with the alternative refused")
    func loaderReadsWellFormedVectors() throws {
        let library = try Self.load(#""wire":"{\"Username\":\"\\ud800\"}","result":"acceptable","alternative":"refused""#)
        let vector = try #require(library.vectors.first)
        #expect(vector.body == nil && vector.alternative == .refused)
        #expect(vector.wireBytes == Array(#"{"Username":"\ud800"}"#.utf8))
    }

    /// Loads a vectors folder holding one topic file with one vector made of
    /// `fields`, the evidence level `evidence` (none when `nil`) and the usual rest.
    static func load(_ fields: String, evidence: String? = "inferred") throws -> VectorLibrary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"flags":{}}"#.utf8).write(to: folder.appendingPathComponent("flags.json"))
        let vector = #"{"id":"t.x.update","description":"d","operation":"UpdateAuthEventFeedback","#
            + fields + #","flags":[],"# + (evidence.map { #""evidence":"\#($0)","# } ?? "")
            + #""appliesTo":["rules"],"expected":null}"#
        try Data((#"{"tests":["# + vector + "]}").utf8).write(to: folder.appendingPathComponent("t.json"))
        return try VectorLibrary.load(from: folder)
    }
}
