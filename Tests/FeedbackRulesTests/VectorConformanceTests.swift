import Foundation
import FeedbackConformance
import FeedbackRules
import FeedbackTestSupport
import Testing

@Suite("The engine against the vectors")
struct VectorConformanceTests {
    @Test("The wire bytes of every rules vector, body-less ones included, are judged as the vector expects",
          arguments: Vectors.for(.rules))
    func wireBodyMatchesVector(_ vector: Vector) throws {
        let result = vector.judge(Result { () throws(JSONError) in try vector.operation.validate(json: vector.wireBytes) })
        #expect(result.verdict == .pass, "\(vector.id): \(result.got ?? "")")
    }

    @Test("The bytes sent for a vector parse back to its body; without a body, they hold a lone surrogate escape",
          arguments: Vectors.for(.server))
    func wireBytesCarryTheBody(_ vector: Vector) throws {
        if let body = vector.body {
            #expect(try RequestBody(json: vector.wireBytes) == body)
        } else {
            #expect(throws: JSONError.self) { try RequestBody(json: vector.wireBytes) }
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
                    feedbackToken: strings["FeedbackToken"], feedbackValue: strings["FeedbackValue"].map(FeedbackValue.init(rawValue:))
                ).validate()
            case .adminUpdateAuthEventFeedback:
                AdminUpdateAuthEventFeedbackRequest(
                    userPoolId: strings["UserPoolId"], username: strings["Username"], eventId: strings["EventId"],
                    feedbackValue: strings["FeedbackValue"].map(FeedbackValue.init(rawValue:))
                ).validate()
            }
        #expect(typed == vector.operation.validate(try #require(vector.body)))
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
