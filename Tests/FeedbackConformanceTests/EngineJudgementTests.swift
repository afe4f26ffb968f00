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

    @Test("A vector rejects the opposite verdict, a missing violation, a wrong message and a refusal it does not allow",
          arguments: try Vectors.for(.rules))
    func mismatchCanFail(_ vector: Vector) throws {
        let wrong = FeedbackOperation.adminUpdateAuthEventFeedback.validate { _ in .absent }
        let refusal = Result<ValidationReport, JSONError>.failure(JSONError(.loneSurrogate, at: 0))
        func mismatch(_ report: ValidationReport) -> String? { vector.mismatch(report) }
        func mismatch(_ outcome: Result<ValidationReport, JSONError>) -> String? {
            let result = vector.judge(outcome)
            return result.verdict == .pass ? nil : result.got
        }
        switch (vector.result, vector.alternative) {
        case (.valid, _):
            #expect(mismatch(wrong) != nil)
            #expect(mismatch(refusal) != nil)
        case (.invalid, _) where vector.expectsRefusal:
            #expect(mismatch(ValidationReport(violations: [])) != nil)
            #expect(mismatch(wrong) != nil)
            #expect(mismatch(refusal) == nil)
            #expect(mismatch(.failure(JSONError(.syntax, at: 0))) == nil)
        case (.invalid, _):
            let actual = vector.operation.validate(try #require(vector.body))
            #expect(mismatch(ValidationReport(violations: [])) != nil)
            #expect(mismatch(ValidationReport(violations: Array(actual.violations.dropLast()))) != nil)
            let extra = FeedbackOperation.updateAuthEventFeedback.validate { _ in .absent }.violations
            #expect(mismatch(ValidationReport(violations: actual.violations + extra)) != nil)
            #expect(mismatch(refusal) != nil)
        case (.acceptable, .refused):
            // Every member absent, as the other operation lists them: never an empty body's reading {}.
            let other: FeedbackOperation = vector.operation == .updateAuthEventFeedback ? .adminUpdateAuthEventFeedback : .updateAuthEventFeedback
            #expect(mismatch(ValidationReport(violations: [])) != nil)
            #expect(mismatch(other.validate { _ in .absent }) != nil)
            #expect(mismatch(refusal) == nil)
        case (.acceptable, _):
            #expect(mismatch(ValidationReport(violations: [])) == nil)
            #expect(mismatch(wrong) != nil)
            #expect(mismatch(refusal) != nil)
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
