import Foundation
import FeedbackConformance
import FeedbackRules
import Testing

@Suite("The engine against the vectors")
struct VectorConformanceTests {
    @Test("The wire bytes of every rules vector, body-less ones included, are judged as the vector expects",
          arguments: Vectors.for(.rules))
    func wireBodyMatchesVector(_ vector: Vector) throws {
        let mismatch = vector.mismatch(vector.operation.answer(json: vector.wireBytes))
        #expect(mismatch == nil, "\(vector.id): \(mismatch ?? "")")
    }

    @Test("The bytes sent for a vector parse back to its body; without a body, they hold a lone surrogate escape, or are refused",
          arguments: Vectors.for(.server))
    func wireBytesCarryTheBody(_ vector: Vector) throws {
        if let body = vector.body {
            #expect(try RequestBody(json: vector.wireBytes) == body)
        } else if vector.flags.contains("LoneSurrogate") {
            #expect(throws: BodyError.loneSurrogate) { try RequestBody(json: vector.wireBytes) }
        } else {
            #expect(throws: BodyError.self) { try RequestBody(json: vector.wireBytes) }
        }
    }

    @Test("A typed request built from a client vector is judged like its wire body", arguments: Vectors.for(.client))
    func typedRequestMatchesWireBody(_ vector: Vector) throws {
        let strings = try #require(stringMembers(of: vector), "client vectors hold only strings")
        let typed: ValidationReport =
            switch vector.operation {
            case .updateAuthEventFeedback:
                UpdateAuthEventFeedbackRequest(
                    userPoolId: strings["UserPoolId"], username: strings["Username"], eventId: strings["EventId"],
                    feedbackToken: strings["FeedbackToken"], feedbackValue: strings["FeedbackValue"]
                ).validate()
            case .adminUpdateAuthEventFeedback:
                AdminUpdateAuthEventFeedbackRequest(
                    userPoolId: strings["UserPoolId"], username: strings["Username"], eventId: strings["EventId"],
                    feedbackValue: strings["FeedbackValue"]
                ).validate()
            }
        #expect(typed == vector.operation.validate(try #require(vector.body)))
    }

    @Test("Large values (1 MiB tokens) are judged as the vector expects, from the wire bytes and as a typed request",
          arguments: Vectors.largeValues)
    func largeValues(_ vector: Vector) throws {
        #expect(vector.mismatch(vector.operation.answer(json: vector.wireBytes)) == nil, "\(vector.id)")
        let strings = try #require(stringMembers(of: vector))
        let typed = UpdateAuthEventFeedbackRequest(
            userPoolId: strings["UserPoolId"], username: strings["Username"], eventId: strings["EventId"],
            feedbackToken: strings["FeedbackToken"], feedbackValue: strings["FeedbackValue"]
        ).validate()
        #expect(vector.mismatch(typed) == nil, "\(vector.id)")
    }

    @Test("Scalars newer than Unicode 13 are letters and symbols to this engine (Unicode 17 data)",
          arguments: (Vectors.library?.vectors ?? []).filter { $0.flags.contains("UnicodeVersion") })
    func newerScalarsAreAccepted(_ vector: Vector) throws {
        #expect(vector.operation.validate(try #require(vector.body)).isValid)
    }

    private func stringMembers(of vector: Vector) -> [String: String]? {
        guard let body = vector.body else { return nil }
        var strings: [String: String] = [:]
        for (key, value) in body.members {
            guard case .string(let string) = value else { return nil }
            strings[key] = string
        }
        return strings
    }
}

@Suite("The vector library")
struct VectorLibraryTests {
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
          arguments: Vectors.for(.rules))
    func mismatchCanFail(_ vector: Vector) throws {
        let wrong = FeedbackOperation.adminUpdateAuthEventFeedback.validate { _ in .absent }
        let refusal = EngineAnswer.refused(.loneSurrogate)
        switch (vector.result, vector.alternative) {
        case (.valid, _):
            #expect(vector.mismatch(wrong) != nil)
            #expect(vector.mismatch(refusal) != nil)
        case (.invalid, _) where vector.expectsRefusal:
            #expect(vector.mismatch(ValidationReport(violations: [])) != nil)
            #expect(vector.mismatch(wrong) != nil)
            #expect(vector.mismatch(refusal) == nil)
            #expect(vector.mismatch(.refused(.notJSON)) == nil)
        case (.invalid, _):
            let actual = vector.operation.validate(try #require(vector.body))
            #expect(vector.mismatch(ValidationReport(violations: [])) != nil)
            #expect(vector.mismatch(ValidationReport(violations: Array(actual.violations.dropLast()))) != nil)
            let extra = FeedbackOperation.updateAuthEventFeedback.validate { _ in .absent }.violations
            #expect(vector.mismatch(ValidationReport(violations: actual.violations + extra)) != nil)
            #expect(vector.mismatch(refusal) != nil)
        case (.acceptable, .refused):
            // Every member absent, as the other operation lists them: never an empty body's reading {}.
            let other: FeedbackOperation = vector.operation == .updateAuthEventFeedback ? .adminUpdateAuthEventFeedback : .updateAuthEventFeedback
            #expect(vector.mismatch(ValidationReport(violations: [])) != nil)
            #expect(vector.mismatch(other.validate { _ in .absent }) != nil)
            #expect(vector.mismatch(refusal) == nil)
        case (.acceptable, _):
            #expect(vector.mismatch(ValidationReport(violations: [])) == nil)
            #expect(vector.mismatch(wrong) != nil)
            #expect(vector.mismatch(refusal) != nil)
        }
    }

    @Test("Aggregate messages compare equal up to the order of their parts, byte for byte")
    func aggregateMessageOrder() {
        let parts = ["Value at 'username' failed A", "Value 'x' at 'eventId' failed B"]
        let expected = "2 validation errors detected: " + parts.joined(separator: "; ")
        let reversed = "2 validation errors detected: " + parts.reversed().joined(separator: "; ")
        #expect(Expectation.sameMessage(expected, reversed, parts: parts))
        #expect(!Expectation.sameMessage(expected, "1 validation error detected: " + parts[0], parts: parts))
        #expect(!Expectation.sameMessage(expected, reversed + ";", parts: parts))
        #expect(!Expectation.sameMessage(expected, reversed.replacingOccurrences(of: "'x'", with: "'X'"), parts: parts))
    }
}
