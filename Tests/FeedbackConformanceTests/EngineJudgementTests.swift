@testable import FeedbackConformance
import FeedbackTestSupport
import Foundation
import Testing

@Suite("Judging an engine's report against a vector")
struct EngineJudgementTests {
    @Test("The vectors load, cover both operations and every audience, and use only defined flags")
    func vectorsLoad() throws {
        let library = try Vectors.loaded.get()
        #expect(library.vectors.count > 300)
        #expect(Set(library.vectors.map(\.operation)) == Set(FeedbackOperation.allCases))
        for audience in Vector.Audience.allCases { #expect(!library.vectors(for: audience).isEmpty) }
        #expect(Set(library.vectors.map(\.id)).count == library.vectors.count, "ids are unique")
        for vector in library.vectors {
            #expect(vector.flags.allSatisfy { library.flags[$0] != nil }, "\(vector.id) uses an undefined flag")
        }
    }

    @Test("A vector takes valid and a refusal exactly where it allows them, and rejects a missing violation, an extra one and another reading")
    func mismatchCanFail() throws {
        try Vectors.for(.rules).check { vector throws in
            // Every member absent, as the other operation lists them: no vector's reading.
            let other: FeedbackOperation = vector.operation == .updateAuthEventFeedback ? .adminUpdateAuthEventFeedback : .updateAuthEventFeedback
            let wrong = other.validate { _ in .absent }
            let refusal = Result<ValidationReport, JSONError>.failure(JSONError(.loneSurrogate, at: 0))
            func mismatch(_ report: ValidationReport) -> String? { vector.mismatch(report) }
            func mismatch(_ outcome: Result<ValidationReport, JSONError>) -> String? {
                let result = vector.judge(outcome)
                return result.verdict == .pass ? nil : result.got
            }
            // What the file says, read directly: valid where listed, a refusal where expected or listed.
            let validListed = vector.result == .valid || vector.alternatives.contains(.valid)
            let refusalListed = (vector.expected?.errorType == .serialization && vector.expected?.violations.isEmpty == true)
                || vector.alternatives.contains(.refused)
            #expect((mismatch(ValidationReport(violations: [])) == nil) == validListed, "\(vector.id)")
            #expect((mismatch(refusal) == nil) == refusalListed, "\(vector.id)")
            #expect((mismatch(.failure(JSONError(.syntax, at: 0))) == nil) == refusalListed, "\(vector.id)")
            #expect(mismatch(wrong) != nil, "\(vector.id)")
            if vector.result == .invalid, !vector.expectsRefusal {
                let actual = vector.operation.validate(try #require(vector.body, "\(vector.id)"))
                #expect(mismatch(ValidationReport(violations: Array(actual.violations.dropLast()))) != nil, "\(vector.id)")
                let extra = FeedbackOperation.updateAuthEventFeedback.validate { _ in .absent }.violations
                #expect(mismatch(ValidationReport(violations: actual.violations + extra)) != nil, "\(vector.id)")
            }
            if vector.flags.contains("EmptyBody") {
                // Refused first; the reading {} (every member of the operation required) conforms too.
                #expect(vector.expectsRefusal, "\(vector.id)")
                #expect(mismatch(vector.operation.validate { _ in .absent }) == nil, "\(vector.id)")
            }
        }
    }

    @Test("Aggregate messages compare equal up to the order of their parts, byte for byte")
    func aggregateMessageOrder() {
        let parts = ["Value at 'username' failed A", "Value 'x' at 'eventId' failed B"]
        let expected = "2 validation errors detected: " + parts.joined(separator: "; ")
        let reversed = "2 validation errors detected: " + parts.reversed().joined(separator: "; ")
        #expect(MessageComparison().same(expected, reversed, parts: parts))
        #expect(!MessageComparison().same(expected, "1 validation error detected: " + parts[0], parts: parts))
        #expect(!MessageComparison().same(expected, reversed + ";", parts: parts))
        #expect(!MessageComparison().same(expected, reversed.replacingOccurrences(of: "'x'", with: "'X'"), parts: parts))
    }
}
