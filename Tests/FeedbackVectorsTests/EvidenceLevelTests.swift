import Testing
import FeedbackTestSupport
import FeedbackVectors

@Suite("Evidence levels")
struct EvidenceLevelTests {
    @Test("The loader refuses a vector without an evidence level, or with an unknown one")
    func evidenceIsRequired() throws {
        for evidence in ["certain", nil] {
            #expect(throws: LoadError.self, "\(evidence ?? "none")") {
                try BodylessVectorLoadingTests.load(#""body":{},"result":"valid""#, evidence: evidence)
            }
        }
        let library = try BodylessVectorLoadingTests.load(#""body":{},"result":"valid""#, evidence: "observed")
        #expect(library.vectors.map(\.evidence) == [.observed])
    }

    @Test("Vectors no public evidence settles are inferred, and every flag states its level")
    func contestedVectorsAreInferred() throws {
        let library = try #require(Vectors.library)
        for vector in library.vectors where vector.flags.contains("DuplicateKey") || vector.flags.contains("LoneSurrogate") {
            #expect(vector.evidence == .inferred, "\(vector.id)")
        }
        #expect(library.flags["EmptyBody"]?.evidence == .indirect)
        #expect(library.flags["DuplicateKey"]?.evidence == .inferred)
        #expect(library.flags["LengthBoundary"]?.evidence == .documented)
    }
}
