import FeedbackConformance
import Foundation
import FeedbackTestSupport
import Testing

/// `Vector.judge` on canned answers: no network.
@Suite("Judging a server's answer")
struct ServerJudgementTests {
    static let library = Result { try VectorLibrary.load() }

    /// Whether the judge finds the answer wrong: a fail, or, for a vector
    /// whose evidence is only indirect or inferred, an `inferred` deviation
    /// (reported, never failed).
    static func wrong(_ result: CaseResult) -> Bool {
        result.verdict == .fail
            || (result.verdict == .pass && !result.deviations.isEmpty && result.deviations.allSatisfy { $0.severity == .inferred })
    }

    static func vector(_ id: String) throws -> Vector {
        try #require(try library.get().vector(id: id), "vector \(id) is missing")
    }

    /// An awsJson1.1 error answer carrying `type` in its body.
    static func error(_ status: Int, _ type: String, message: String? = nil) -> WireResponse {
        var json = #"{"__type":"\#(type)""#
        if let message { json += #","message":"\#(message)""# }
        return WireResponse(status: status, headers: ["Content-Type": "application/x-amz-json-1.1"], body: Array((json + "}").utf8))
    }

    static let ok = WireResponse(status: 200, headers: ["Content-Type": "application/x-amz-json-1.1"], body: Array("{}".utf8))
    /// moto 5.2.1's answer to an operation it lacks, byte for byte (captured with curl).
    static let motoPage = WireResponse(status: 500, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array("""
        <!doctype html>
        <html lang=en>
        <title>500 Internal Server Error</title>
        <h1>Internal Server Error</h1>
        <p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>

        """.utf8))

    // MARK: invalid vectors

    @Test("An invalid vector passes with HTTP 400 and its error type, however the type is written", arguments: [
        error(400, "InvalidParameterException"),
        error(400, "aws.cognito#InvalidParameterException"),
        error(400, "InvalidParameterException:http://internal.amazon.com/coral/com.amazon.coral.validate/"),
        WireResponse(status: 400, headers: ["x-amzn-errortype": "InvalidParameterException:http://x/"], body: Array("{}".utf8)),
    ])
    func invalidPasses(answer: WireResponse) throws {
        let result = try Self.vector("event-id-length.empty.update").judge(answer)
        #expect(result.verdict == .pass)
        #expect(result.got == "HTTP 400 InvalidParameterException")
        #expect(result.expected == "HTTP 400 InvalidParameterException [EventId length, EventId pattern]")
    }

    @Test("An invalid vector fails with a success, another type, another status or a server error", arguments: [
        (ok, "HTTP 200"),
        (error(400, "ValidationException"), "HTTP 400 ValidationException"),
        (error(400, "SerializationException"), "HTTP 400 SerializationException"),
        (error(403, "InvalidParameterException"), "HTTP 403 InvalidParameterException"),
        (error(500, "InternalErrorException"), "HTTP 500 InternalErrorException"),
        (WireResponse(status: 400, body: Array("not json".utf8)), "HTTP 400 without an error type"),
    ])
    func invalidFails(answer: WireResponse, got: String) throws {
        let result = try Self.vector("event-id-length.empty.update").judge(answer)
        #expect(Self.wrong(result))
        #expect(result.got == got)
    }

    @Test("A wrong JSON type expects SerializationException, not InvalidParameterException")
    func serialization() throws {
        let vector = try Self.vector("types.userpoolid-number.update")
        #expect(vector.judge(Self.error(400, "SerializationException")).verdict == .pass)
        #expect(Self.wrong(vector.judge(Self.error(400, "InvalidParameterException"))))
        // Its message is undocumented: strict mode cannot compare it, and says so.
        let strict = vector.judge(Self.error(400, "SerializationException", message: "anything"), strict: true)
        #expect(strict.verdict == .pass)
        #expect(strict.notes == ["message not compared: the service's wording is undocumented"])
    }

    // MARK: strict messages

    static let patternPart = #"Value 'us-east-1_abc-def' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+"#
    static let requiredPart = "Value null at 'username' failed to satisfy constraint: Member must not be null"

    @Test("Strict mode passes Cognito's aggregate message with its parts in either order", arguments: [
        "2 validation errors detected: \(patternPart); \(requiredPart)",
        "2 validation errors detected: \(requiredPart); \(patternPart)",
    ])
    func strictOrderFree(message: String) throws {
        let vector = try Self.vector("multiple-violations.required-and-pattern.update")
        #expect(vector.judge(Self.error(400, "InvalidParameterException", message: message), strict: true).verdict == .pass)
    }

    @Test("Strict mode fails a message lacking a part, naming the member and constraint only")
    func strictMissingPart() throws {
        let vector = try Self.vector("multiple-violations.required-and-pattern.update")
        let answer = Self.error(400, "InvalidParameterException", message: "1 validation error detected: \(Self.requiredPart)")
        #expect(vector.judge(answer).verdict == .pass)
        let result = vector.judge(answer, strict: true)
        #expect(Self.wrong(result))
        #expect(result.got == "HTTP 400 InvalidParameterException; the message lacks the part for UserPoolId pattern")
    }

    @Test("Strict mode fails a message with the right parts but a wrong head, and an answer without a message")
    func strictHeadAndAbsence() throws {
        let vector = try Self.vector("multiple-violations.required-and-pattern.update")
        let wrongHead = Self.error(400, "InvalidParameterException",
                                   message: "3 validation errors detected: \(Self.patternPart); \(Self.requiredPart)")
        #expect(vector.judge(wrongHead, strict: true).got
            == "HTTP 400 InvalidParameterException; the message differs from the expected aggregate outside its parts")
        let none = vector.judge(Self.error(400, "InvalidParameterException"), strict: true)
        #expect(Self.wrong(none))
        #expect(none.got == "HTTP 400 InvalidParameterException; no message")
    }

    // MARK: valid vectors

    @Test("A valid vector passes with a success, or a business error that got past validation", arguments: [
        (ok, [String]()),
        (error(400, "UserNotFoundException"), ["got past validation: UserNotFoundException"]),
        (error(400, "ResourceNotFoundException"), ["got past validation: ResourceNotFoundException"]),
        (error(400, "TooManyRequestsException"), ["got past validation: TooManyRequestsException"]),
        (error(400, "UserPoolAddOnNotEnabledException"), ["got past validation: UserPoolAddOnNotEnabledException"]),
    ])
    func validPasses(answer: WireResponse, notes: [String]) throws {
        let result = try Self.vector("baseline.typical.update").judge(answer)
        #expect(result.verdict == .pass)
        #expect(result.notes == notes)
        #expect(result.expected == "HTTP 200 or a non-validation error")
    }

    @Test("A valid vector fails with a validation error or a server error", arguments: [
        error(400, "InvalidParameterException"), error(400, "SerializationException"), error(400, "ValidationException"),
        error(500, "InternalErrorException"), WireResponse(status: 500, body: []),
    ])
    func validFails(answer: WireResponse) throws {
        #expect(Self.wrong(try Self.vector("baseline.typical.update").judge(answer)))
    }

    @Test("An error type the operation does not model passes a valid vector, except in strict mode")
    func unmodelledError() throws {
        let vector = try Self.vector("baseline.typical.update")
        let answer = Self.error(400, "PoolGoneException")
        #expect(vector.judge(answer).verdict == .pass)
        #expect(vector.judge(answer).notes == ["got past validation: PoolGoneException, which the operation does not model"])
        #expect(Self.wrong(vector.judge(answer, strict: true)))
    }

    // MARK: acceptable vectors

    @Test("An acceptable vector passes either reading and fails anything else")
    func acceptable() throws {
        let vector = try Self.vector("unicode-version.shaking-face.update")
        #expect(vector.result == .acceptable)
        #expect(vector.judge(Self.ok).verdict == .pass)
        #expect(vector.judge(Self.error(400, "InvalidParameterException")).verdict == .pass)
        #expect(Self.wrong(vector.judge(Self.error(400, "ValidationException"))))
        #expect(vector.judge(Self.error(400, "ValidationException")).expected
            == "HTTP 200 or a non-validation error, or HTTP 400 InvalidParameterException [Username pattern]")
    }

    @Test("An acceptable vector that allows only valid besides its error still fails a refusal of the body")
    func acceptableValidFailsRefusal() throws {
        let vector = try Self.vector("unicode-version.shaking-face.update")
        #expect(vector.alternatives == [.valid])
        #expect(Self.wrong(vector.judge(Self.error(400, "SerializationException"))))
    }

    @Test("A malformed body's vector passes HTTP 400 SerializationException, whatever its message, and fails anything else",
          arguments: ["malformed-bodies.trailing-comma.update", "malformed-bodies.null-body.admin", "malformed-bodies.not-json.update"])
    func malformedBodyNeedsRefusal(id: String) throws {
        let vector = try Self.vector(id)
        #expect(vector.body == nil && vector.result == .invalid && vector.expectsRefusal)
        for strict in [false, true] {
            #expect(vector.judge(Self.error(400, "SerializationException", message: "anything"), strict: strict).verdict == .pass)
            #expect(Self.wrong(vector.judge(Self.error(400, "InvalidParameterException"), strict: strict)))
            #expect(Self.wrong(vector.judge(Self.ok, strict: strict)))
        }
        #expect(vector.judge(Self.ok).expected == "HTTP 400 SerializationException")
    }

    static let refusable = ["lone-surrogates.lone-high.update", "lone-surrogates.cut-emoji.admin", "lone-surrogates.token-lone-low.update"]

    @Test("A vector that allows a refusal passes its expected error, and a refusal of the body", arguments: refusable)
    func refusedPasses(id: String) throws {
        let vector = try Self.vector(id)
        #expect(vector.body == nil && vector.alternatives.contains(.refused))
        let member = try #require(vector.expected?.violations.first?.member.wireName)
        for strict in [false, true] {
            let message = vector.expected?.message?.replacingOccurrences(of: "\\", with: "\\\\")  // JSON-escaped
            let expected = vector.judge(Self.error(400, "InvalidParameterException", message: message), strict: strict)
            #expect(expected.verdict == .pass, "\(id)")
            #expect(expected.notes.isEmpty, "\(id)")
            let refusal = vector.judge(Self.error(400, "SerializationException", message: "anything"), strict: strict)
            #expect(refusal.verdict == .pass, "\(id)")
            #expect(refusal.got == "HTTP 400 SerializationException", "\(id)")
            #expect(refusal.notes == ["the body refused as malformed"], "\(id)")
        }
        #expect(vector.judge(Self.ok).expected
            == (vector.allowsValidAnswer ? "HTTP 200 or a non-validation error, or " : "")
            + "HTTP 400 InvalidParameterException [\(member) pattern], or HTTP 400 SerializationException (body refused)")
    }

    /// Vectors that allow a refusal or an error, never valid: a token's lone surrogate (U+FFFD is outside its
    /// charset), an empty body (refused, or read as {}).
    static let refusableNotValid = ["lone-surrogates.token-lone-low.update", "malformed-bodies.empty-body.admin",
                                    "malformed-bodies.whitespace-body.update"]

    @Test("A vector that allows a refusal but not valid fails a success, a business error and any other error",
          arguments: refusableNotValid)
    func refusedFails(id: String) throws {
        let vector = try Self.vector(id)
        for (answer, got) in [
            (Self.ok, "HTTP 200"), (WireResponse(status: 204, body: []), "HTTP 204"),
            (Self.error(400, "UserNotFoundException"), "HTTP 400 UserNotFoundException"),
            (Self.error(400, "ValidationException"), "HTTP 400 ValidationException"),
            (Self.error(500, "SerializationException"), "HTTP 500 SerializationException"),
            (Self.error(500, "InternalErrorException"), "HTTP 500 InternalErrorException"),
        ] {
            let result = vector.judge(answer)
            #expect(Self.wrong(result), "\(id): \(got)")
            #expect(result.got == got, "\(id)")
        }
        // Strict mode compares the expected error's message, never the refusal's.
        let wrongMessage = Self.error(400, "InvalidParameterException", message: "1 validation error detected: something else")
        #expect(Self.wrong(vector.judge(wrongMessage, strict: true)), "\(id)")
        // A valid answer fails it, so throttling says nothing about validation.
        #expect(vector.judge(Self.error(400, "TooManyRequestsException")).verdict == .error, "\(id)")
    }

    @Test("A lone surrogate in a username also passes a success: the U+FFFD reading is a valid username",
          arguments: ["lone-surrogates.lone-high.update", "lone-surrogates.reversed-pair.admin", "lone-surrogates.cut-emoji.update"])
    func loneSurrogateUsernameAllowsValid(id: String) throws {
        let vector = try Self.vector(id)
        #expect(vector.judge(Self.ok).verdict == .pass, "\(id)")
        #expect(vector.judge(Self.error(400, "UserNotFoundException")).verdict == .pass, "\(id)")
        #expect(Self.wrong(vector.judge(Self.error(400, "ValidationException"))), "\(id)")
    }

    @Test("A duplicate key passes the last value's answer, the first value's and a refusal, and fails any other error")
    func duplicateKeyAllowsEveryReading() throws {
        let vector = try Self.vector("wire.duplicate-username-last-invalid.update")
        let message = vector.expected?.message?.replacingOccurrences(of: "\\", with: "\\\\")  // JSON-escaped
        for strict in [false, true] {
            #expect(vector.judge(Self.error(400, "InvalidParameterException", message: message), strict: strict).verdict == .pass)
            #expect(vector.judge(Self.ok, strict: strict).verdict == .pass, "the first value, alice, is valid")
            #expect(vector.judge(Self.error(400, "SerializationException"), strict: strict).verdict == .pass)
            #expect(Self.wrong(vector.judge(Self.error(400, "ValidationException"), strict: strict)))
        }
        let wrongMessage = Self.error(400, "InvalidParameterException", message: "1 validation error detected: something else")
        #expect(Self.wrong(vector.judge(wrongMessage, strict: true)))
    }

    @Test("An empty body passes a refusal first, and the reading {} with its message; a strict run compares that message")
    func emptyBodyRefusedOrReadAsEmptyObject() throws {
        let vector = try Self.vector("malformed-bodies.empty-body.update")
        let reading = try #require(vector.alternatives.first?.error)
        #expect(vector.expectsRefusal && reading.violations.count == 5)
        let message = reading.message?.replacingOccurrences(of: "\\", with: "\\\\")
        for strict in [false, true] {
            #expect(vector.judge(Self.error(400, "SerializationException"), strict: strict).verdict == .pass)
            let asEmptyObject = vector.judge(Self.error(400, "InvalidParameterException", message: message), strict: strict)
            #expect(asEmptyObject.verdict == .pass && asEmptyObject.notes.isEmpty)
        }
        #expect(vector.judge(Self.ok).expected == "HTTP 400 SerializationException, or HTTP 400 InvalidParameterException "
            + "[UserPoolId required, Username required, EventId required, FeedbackToken required, FeedbackValue required]")
    }

    // MARK: unimplemented and no verdict

    @Test("A server that says it lacks the operation makes the case unimplemented, whatever the vector", arguments: [
        WireResponse(status: 501, body: []),
        error(400, "UnknownOperationException"),
        error(400, "com.amazon.coral.service#UnknownOperationException"),
        error(400, "InvalidAction"),
        error(500, "UnsupportedOperation"),
        WireResponse(status: 500, headers: ["Content-Type": "text/html"], body: Array("<p>The update_auth_event_feedback action has not been implemented</p>".utf8)),
        WireResponse(status: 404, body: Array("Not Yet Implemented".utf8)),
    ])
    func unimplemented(answer: WireResponse) throws {
        for id in ["baseline.typical.update", "event-id-length.empty.update", "unicode-version.shaking-face.update",
                   "lone-surrogates.lone-low.update"] {
            #expect(try Self.vector(id).judge(answer).verdict == .unimplemented, "\(id)")
        }
    }

    @Test("moto's generic HTTP 500 page is unimplemented only when a missing operation gets the same page")
    func motoByProbe() throws {
        let vector = try Self.vector("event-id-length.empty.update")
        let alone = vector.judge(Self.motoPage)
        #expect(Self.wrong(alone))
        #expect(alone.got == "HTTP 500 without an error type (text/html)")
        let probed = vector.judge(Self.motoPage, unknownOperation: Self.motoPage)
        #expect(probed.verdict == .unimplemented)
        #expect(probed.notes == ["the same answer as to an operation that does not exist"])
        // A different page, or a validation error, is not the missing-operation answer.
        let other = WireResponse(status: 500, headers: [:], body: Array("crash".utf8))
        #expect(Self.wrong(vector.judge(other, unknownOperation: Self.motoPage)))
        let validation = Self.error(400, "InvalidParameterException")
        #expect(vector.judge(validation, unknownOperation: validation).verdict == .pass)
    }

    @Test("Gateways, an Admin request's authentication refusal and throttling of an invalid vector give no verdict", arguments: [
        WireResponse(status: 502, body: []), WireResponse(status: 503, body: []), WireResponse(status: 504, body: []),
        error(400, "UnrecognizedClientException"), error(400, "InvalidSignatureException"),
        error(403, "AccessDeniedException"), error(400, "TooManyRequestsException"), WireResponse(status: 429, body: []),
    ])
    func noVerdict(answer: WireResponse) throws {
        #expect(try Self.vector("event-id-length.empty.admin").judge(answer).verdict == .error)
    }

    @Test("Requiring authentication for UpdateAuthEventFeedback (authtype none) is the server's failure, not a set-up error",
          arguments: [error(400, "UnrecognizedClientException"), error(400, "MissingAuthenticationTokenException"),
                      error(403, "AccessDeniedException"), WireResponse(status: 401, body: []), WireResponse(status: 403, body: [])])
    func updateRequiringAuthenticationFails(answer: WireResponse) throws {
        for id in ["event-id-length.empty.update", "baseline.typical.update"] {
            let result = try Self.vector(id).judge(answer)
            #expect(Self.wrong(result), "\(id)")
            #expect(result.got?.hasSuffix("; UpdateAuthEventFeedback required authentication") == true, "\(id)")
        }
    }

    @Test("An answer quoting the request's Username or FeedbackToken anywhere fails, whatever else it says", arguments: [
        ("header", "X-Debug"), ("message", "message"), ("other body field", "detail"), ("escaped in the body", "escaped"),
    ])
    func echoFails(place: String, field: String) throws {
        let vector = try Self.vector("redaction.username-canary.update")
        guard case .string(let username)? = vector.body?.members["Username"] else { Issue.record("no username"); return }
        var answer = Self.error(400, "InvalidParameterException")
        switch field {
        case "X-Debug": answer.headers.append("X-Debug", "user=" + username)
        case "escaped":
            let escaped = username.unicodeScalars.map { "\\u" + String(repeating: "0", count: 4 - String($0.value, radix: 16).count) + String($0.value, radix: 16) }.joined()
            answer.body = Array(#"{"__type":"InvalidParameterException","message":"x \#(escaped)"}"#.utf8)
        default:
            answer.body = JSONValue.object(["__type": "InvalidParameterException", .init(stringLiteral: field): .string("for " + username)]).jsonText
        }
        let result = vector.judge(answer)
        #expect(Self.wrong(result), "\(place)")
        #expect(result.got?.hasSuffix("the answer quotes the request's Username value") == true, "\(place)")
        #expect(result.got?.contains(username) == false)
    }

    @Test("A message difference is reported in every run, by member and constraint, and fails only a strict one")
    func messageDifferencesReported() throws {
        let vector = try Self.vector("feedback-value.lowercase-valid.update")
        let answer = Self.error(400, "InvalidParameterException", message: "1 validation error detected: something else")
        let lenient = vector.judge(answer)
        #expect(lenient.verdict == .pass)
        #expect(lenient.notes == ["message differs: the message lacks the part for FeedbackValue enum"])
        let strict = vector.judge(answer, strict: true)
        #expect(Self.wrong(strict))
        #expect(strict.got == "HTTP 400 InvalidParameterException; the message lacks the part for FeedbackValue enum")
    }

    @Test("Judging a server, an enum's values compare as a set: [Invalid, Valid] is [Valid, Invalid]")
    func enumValuesAsSet() throws {
        let vector = try Self.vector("feedback-value.lowercase-valid.update")
        let message = try #require(vector.expected?.message).replacingOccurrences(of: "[Valid, Invalid]", with: "[Invalid, Valid]")
        let result = vector.judge(Self.error(400, "InvalidParameterException", message: message), strict: true)
        #expect(result.verdict == .pass, "\(result.got ?? "")")
        let wrong = message.replacingOccurrences(of: "[Invalid, Valid]", with: "[Invalid, Valid, Maybe]")
        #expect(Self.wrong(vector.judge(Self.error(400, "InvalidParameterException", message: wrong), strict: true)))
    }

    @Test("For an absent sensitive member (SensitiveNull, a project decision), strict accepts either documented reading")
    func sensitiveNullEitherReading() throws {
        let vector = try Self.vector("required.username-absent.update")
        let ours = try #require(vector.expected?.message)
        let other = ours.replacingOccurrences(of: "Value null at 'username'", with: "Value at 'username'")
        #expect(vector.judge(Self.error(400, "InvalidParameterException", message: ours), strict: true).verdict == .pass)
        #expect(vector.judge(Self.error(400, "InvalidParameterException", message: other), strict: true).verdict == .pass)
        // Not for a member that is not sensitive, nor for a vector without the flag.
        let pool = try Self.vector("required.userpoolid-absent.update")
        let poolMessage = try #require(pool.expected?.message).replacingOccurrences(of: "Value null at", with: "Value at")
        #expect(Self.wrong(pool.judge(Self.error(400, "InvalidParameterException", message: poolMessage), strict: true)))
    }

    @Test("An error type named only in X-Amzn-ErrorType passes with a named warning, and fails a strict run")
    func typeOnlyInHeader() throws {
        let vector = try Self.vector("event-id-length.empty.update")
        let message = try #require(vector.expected?.message)
        let answer = WireResponse(status: 400, headers: ["X-Amzn-ErrorType": "InvalidParameterException:http://x/"],
                                  body: JSONValue.object(["message": .string(message)]).jsonText)
        let lenient = vector.judge(answer)
        #expect(lenient.verdict == .pass)
        #expect(lenient.notes.contains { $0.hasPrefix("interoperability: the error type is not in the body's __type") })
        let strict = vector.judge(answer, strict: true)
        #expect(Self.wrong(strict))
        #expect(strict.got?.contains("clients that read only __type (botocore, aws-sdk-go v1) miss it") == true)
    }

    // MARK: what reports may show

    @Test("An unknown error type holding a request value, or not an identifier, is not shown", arguments: [
        "canary user 7f3a91", String(repeating: "canary7f3a91", count: 5), String(repeating: "A", count: 65), "Bad\u{1b}[31mType",
    ])
    func unknownTypesWithheld(type: String) throws {
        let vector = try Self.vector("redaction.long-username-canary.update")
        let answer = WireResponse(status: 400, headers: ["X-Amzn-ErrorType": type], body: [])
        let result = vector.judge(answer, strict: true)
        #expect(Self.wrong(result))
        #expect(result.got == "HTTP 400 with an error type not shown (it is not an identifier, or holds request text)")
    }

    @Test("A plain unknown error type is shown, so people can see what the server said")
    func unknownTypeShown() throws {
        let result = try Self.vector("event-id-length.empty.update").judge(Self.error(400, "WeirdException"))
        #expect(result.got == "HTTP 400 WeirdException")
    }

    @Test("The message of an answer never reaches the result, even when it echoes the request")
    func messagesNotQuoted() throws {
        let vector = try Self.vector("redaction.both-canaries.update")
        let echo = String(decoding: vector.wireBytes, as: UTF8.self).replacingOccurrences(of: "\"", with: "\\\"")
        for strict in [false, true] {
            let result = vector.judge(Self.error(400, "InvalidParameterException", message: echo), strict: strict)
            let text = ([result.expected, result.got].compactMap { $0 } + result.notes).joined(separator: " ")
            #expect(!text.contains("canary"))
            #expect(!text.contains("7f3a91"))
        }
    }
}
