import FeedbackTestSupport
import FeedbackVectors
import Foundation
import Testing

/// The vectors whose wire text has no Unicode reading (flag `LoneSurrogate`)
/// load without a body (their judging: `EngineJudgementTests`).
@Suite("Loading vectors without a body (lone surrogate escapes)")
struct BodylessVectorLoadingTests {
    static let bodyless = (Vectors.library?.vectors ?? []).filter { $0.body == nil && $0.flags.contains("LoneSurrogate") }

    @Test("The loader reads body-less vectors: the wire text as written, acceptable, allowing a refusal")
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
            #expect(vector.result == .acceptable && vector.alternatives.contains(.refused), "\(vector.id)")
            #expect(vector.allowsRefusal, "\(vector.id)")
            // The U+FFFD reading: So, a valid username character, outside the token charset.
            #expect(vector.allowsValidAnswer == vector.id.hasPrefix("lone-surrogates.token-") ? false : true, "\(vector.id)")
            #expect(vector.appliesTo == [.rules, .server], "\(vector.id)")
            #expect(vector.expected?.errorType == .invalidParameter, "\(vector.id)")
        }
        for vector in library.vectors {
            #expect((vector.result == .acceptable) == !vector.alternatives.isEmpty, "\(vector.id): alternatives")
        }
    }

    @Test("The loader refuses a vector with neither body nor wire, a body-less one that allows no refusal, misplaced or repeated alternatives",
          arguments: [
              #""result":"valid""#,
              #""wire":"{}","result":"valid""#,
              #""wire":"{}","result":"acceptable","alternatives":["valid"],"expected":"# + BodylessVectorLoadingTests.error,
              #""body":{},"result":"acceptable","expected":"# + BodylessVectorLoadingTests.error,
              #""body":{},"result":"acceptable","alternatives":[],"expected":"# + BodylessVectorLoadingTests.error,
              #""body":{},"result":"invalid","alternatives":["refused"],"expected":"# + BodylessVectorLoadingTests.error,
              #""wire":"{}","result":"acceptable","alternatives":["refused","refused"],"expected":"# + BodylessVectorLoadingTests.error,
              #""wire":"{}","result":"acceptable","alternatives":["maybe"],"expected":"# + BodylessVectorLoadingTests.error,
              #""body":{},"result":"acceptable","alternatives":["refused"],"expected":"# + BodylessVectorLoadingTests.error,
              #""wire":"{}","result":"acceptable","alternatives":[{"errorType":"SerializationException","message":null,"violations":[]}],"expected":"# + BodylessVectorLoadingTests.error,
              #""wire":"{}","result":"acceptable","alternatives":["valid","refused"],"expected":null"#,
              #""wire":"{}","result":"invalid","expected":null"#,
          ])
    func loaderRefusesMalformedVectors(fields: String) throws {
        #expect(throws: LoadError.self) { try Self.load(fields) }
    }

    @Test("The loader reads a body-less vector that is acceptable allowing a refusal")
    func loaderReadsWellFormedVectors() throws {
        let library = try Self.load(#""wire":"{\"Username\":\"\\ud800\"}","result":"acceptable","alternatives":["refused","valid"],"expected":"#
                                    + Self.error)
        let vector = try #require(library.vectors.first)
        #expect(vector.body == nil && vector.alternatives == [.refused, .valid])
        #expect(vector.wireBytes == Array(#"{"Username":"\ud800"}"#.utf8))
    }

    /// An expected error: the username's pattern.
    static let error = #"{"errorType":"InvalidParameterException","message":"1 validation error detected: Value at 'username' failed "#
        + #"to satisfy constraint: Member must satisfy regular expression pattern: x","violations":[{"member":"Username","#
        + #""path":"username","constraint":"pattern","message":"Value at 'username' failed to satisfy constraint: Member must "#
        + #"satisfy regular expression pattern: x"}]}"#

    /// Loads a vectors folder holding one topic file with one vector made of
    /// `fields`, the evidence level `evidence` (none when `nil`) and the usual
    /// rest (`"expected":null` unless `fields` has an expected).
    static func load(_ fields: String, evidence: String? = "inferred") throws -> VectorLibrary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"flags":{}}"#.utf8).write(to: folder.appendingPathComponent("flags.json"))
        let vector = #"{"id":"t.x.update","description":"d","operation":"UpdateAuthEventFeedback","#
            + fields + #","flags":[],"# + (evidence.map { #""evidence":"\#($0)","# } ?? "")
            + #""appliesTo":["rules"]"# + (fields.contains(#""expected":"#) ? "" : #","expected":null"#) + "}"
        try Data((#"{"tests":["# + vector + "]}").utf8).write(to: folder.appendingPathComponent("t.json"))
        return try VectorLibrary.load(from: folder)
    }
}
