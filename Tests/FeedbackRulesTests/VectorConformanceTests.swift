import Foundation
import FeedbackConformance
import FeedbackRules
import FeedbackTestSupport
import Testing

@Suite("The engine against the vectors")
struct VectorConformanceTests {
    @Test("The wire bytes of every rules vector, body-less ones included, are judged as the vector expects")
    func wireBodyMatchesVector() throws {
        try Vectors.for(.rules).check { vector throws in
            let result = vector.judge(Result { () throws(JSONError) in try vector.operation.validate(json: vector.wireBytes) })
            #expect(result.verdict == .pass, "\(vector.id): \(result.got ?? "")")
        }
    }

    @Test("The bytes sent for a vector parse back to its body; without a body, they hold a lone surrogate escape, or are refused")
    func wireBytesCarryTheBody() throws {
        try Vectors.for(.server).check { vector throws in
            if let body = vector.body {
                #expect(try RequestBody(json: vector.wireBytes) == body, "\(vector.id)")
            } else if vector.flags.contains("LoneSurrogate") {
                #expect(refusalReason(vector.wireBytes) == .loneSurrogate, "\(vector.id)")
            } else {
                #expect(refusalReason(vector.wireBytes) != nil, "\(vector.id)")
            }
        }
    }

    @Test("A typed request built from a client vector is judged like its wire body")
    func typedRequestMatchesWireBody() throws {
        try Vectors.for(.client).check { vector throws in
            let strings = try #require(stringMembers(of: vector), "\(vector.id): client vectors hold only strings")
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
            #expect(typed == vector.operation.validate(try #require(vector.body, "\(vector.id)")), "\(vector.id)")
        }
    }

    @Test("Large values (1 MiB tokens) are judged as the vector expects, from the wire bytes and as a typed request",
          arguments: try Vectors.largeValues())
    func largeValues(_ vector: Vector) throws {
        let wire = vector.judge(Result { () throws(JSONError) in try vector.operation.validate(json: vector.wireBytes) })
        #expect(wire.verdict == .pass, "\(vector.id): \(wire.got ?? "")")
        let strings = try #require(stringMembers(of: vector))
        let typed = UpdateAuthEventFeedbackRequest(
            userPoolId: strings["UserPoolId"], username: strings["Username"], eventId: strings["EventId"],
            feedbackToken: strings["FeedbackToken"], feedbackValue: strings["FeedbackValue"].map(FeedbackValue.init(rawValue:))
        ).validate()
        #expect(vector.judge(.success(typed)).verdict == .pass, "\(vector.id)")
    }

    @Test("Scalars newer than Unicode 13 are letters and symbols to this engine (Unicode 17 data)",
          arguments: try Vectors.flagged("UnicodeVersion"))
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

/// Why this engine refuses `bytes` as a body, or `nil` when it reads them.
func refusalReason(_ bytes: [UInt8]) -> JSONError.Reason? {
    do {
        _ = try RequestBody(json: bytes)
        return nil
    } catch {
        return error.reason
    }
}
