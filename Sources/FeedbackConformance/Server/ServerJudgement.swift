import FeedbackRules
import FeedbackVectors
import FeedbackWire

extension Vector {
    /// Judges a server's answer to this vector's request. Pure: no
    /// networking, so a test can judge an in-process server's answer too.
    ///
    /// ```swift
    /// let answer = WireResponse(status: 400, headers: ["X-Amzn-ErrorType": "InvalidParameterException"], body: [])
    /// let result = vector.judge(answer)
    /// result.verdict   // .pass for an invalid vector expecting InvalidParameterException
    /// result.got       // "HTTP 400 InvalidParameterException"
    /// ```
    ///
    /// The answer is first checked for a sign that the server does not know
    /// the operation (``Verdict/unimplemented``), in this order:
    /// - HTTP 501;
    /// - an error type of `ErrorTypes.unimplemented`
    ///   (`UnknownOperationException`, `InvalidAction`, `UnsupportedOperation`, ...),
    ///   whatever the status;
    /// - HTTP 404 or 500 without a validation error type whose body says so
    ///   (the phrases of `ServerResponse.unimplementedPhrases`: "not implemented",
    ///   "has not been implemented", "unknown operation", ...);
    /// - an error answer like `unknownOperation`, the server's answer to an
    ///   operation that does not exist (same status and error type, and the
    ///   same body when there is no type). This is how moto 5.2.1 is
    ///   recognised: it answers every operation it lacks with the same generic
    ///   HTTP 500 HTML page, which names nothing.
    ///
    /// Then, by the vector's result:
    /// - `invalid`: HTTP 400 with the expected error type passes; with
    ///   `strict`, the `message` must also equal the expected aggregate (parts
    ///   in any order) when the vector documents one. Anything else fails: a
    ///   2xx, another type, a 5xx.
    /// - `valid`: a 2xx passes; so does a modelled non-validation error of the
    ///   operation (`ResourceNotFoundException`, `UserNotFoundException`, ...),
    ///   with the note `got past validation: <type>`. An error type the
    ///   operation does not model passes with a note too, but fails with
    ///   `strict`. A validation error (`InvalidParameterException`,
    ///   `SerializationException`, `ValidationException`) fails, and so does
    ///   an HTTP 500 (including `InternalErrorException`): a server that
    ///   fails on a valid request is a conformance failure a CI job must see.
    /// - `acceptable`: passes when the answer is one the vector allows, each
    ///   judged as above: valid, where it allows valid; ``FeedbackVectors/Vector/expected``
    ///   or an error alternative, as `invalid` (one met without a message
    ///   difference is preferred); HTTP 400 `SerializationException`, where
    ///   it allows a refusal (its message is never compared), noted `the
    ///   body refused as malformed`. Anything else fails, a 2xx included
    ///   where valid is not allowed.
    ///
    /// Answers that say nothing about validation are ``Verdict/error`` (no
    /// usable answer, worth a rerun or a setup fix, not a conformance
    /// failure): HTTP 502, 503 and 504 (a gateway, not the implementation,
    /// answered); an authentication refusal (`ErrorTypes.authentication`,
    /// which AWS checks before validation: check the credentials); throttling
    /// on a vector that a valid answer fails (``allowsValidAnswer``; on any
    /// other it is a business error that got past validation).
    ///
    /// `expected` and `got` never quote the answer's body or message. Error
    /// types and content types the project does not know are shown only when
    /// they look like identifiers (64 characters at most) and hold none of
    /// the request's text; a server may echo the request, and `Username` and
    /// `FeedbackToken` values must never reach a report.
    ///
    /// An answer that quotes a sensitive member's value (``sensitiveMember(quotedIn:)``)
    /// fails as a security failure, whatever else it says.
    ///
    /// An answer rebuilt from a recording no longer holds what the recording
    /// withheld: `quoting` gives the member whose value it was found to
    /// quote when recorded, and `messageWithheld` says its message cannot be
    /// compared (it is then neither noted nor, in `strict`, failed).
    public func judge(_ answer: WireResponse, strict: Bool = false, unknownOperation: WireResponse? = nil,
                      quoting: Member? = nil, messageWithheld: Bool = false) -> CaseResult
    {
        let seen = ServerResponse(answer, for: self)
        var result = CaseResult(id: id, verdict: .fail, expected: expectedAnswer, got: seen.shown)
        if let member = quoting ?? seen.echoedMember {
            // A security failure, whatever else the answer says.
            result.got = seen.shown + "; the answer quotes the request's \(member.wireName) value"
            result.notes.append("security: a sensitive value in the answer")
            return result
        }
        if let reason = seen.unimplementedReason(like: unknownOperation) {
            result.verdict = .unimplemented
            result.notes.append(reason)
            return result
        }
        if !operation.isSigned, seen.requiresAuthentication {
            result.got = seen.shown + "; \(operation.rawValue) required authentication"
            result.notes.append("requires authentication for an operation the model marks authtype none")
            return result
        }
        if let reason = seen.noVerdictReason(throttlingCounts: !allowsValidAnswer) {
            result.verdict = .error
            result.notes.append(reason)
            return result
        }
        judgeByResult(seen, strict: strict, comparingMessage: !messageWithheld, into: &result)
        if seen.typeOnlyInHeader {
            let problem = "the error type is not in the body's __type as Cognito sends it (only in X-Amzn-ErrorType or code): "
                + "clients that read only __type (botocore, aws-sdk-go v1) miss it"
            if strict && result.verdict == .pass {
                result.verdict = .fail
                result.got = seen.shown + "; " + problem
            } else {
                result.notes.append("interoperability: " + problem)
            }
        }
        return result
    }

    /// The sensitive member (`Username`, `FeedbackToken`) whose value
    /// `answer` quotes anywhere (a header, the body, escaped or not), or
    /// `nil`. Cognito omits those values from everything it answers.
    public func sensitiveMember(quotedIn answer: WireResponse) -> Member? {
        ServerResponse(answer, for: self).echoedMember
    }

    /// The verdict by the vector's result, once the answer is one to judge.
    private func judgeByResult(_ seen: ServerResponse, strict: Bool, comparingMessage: Bool, into result: inout CaseResult) {
        switch self.result {
        case .valid:
            (result.verdict, result.notes) = judgeValid(seen, strict: strict)
        case .invalid:
            (result.verdict, result.got, result.notes) = judgeInvalid(seen, against: expected, strict: strict,
                                                                      comparingMessage: comparingMessage)
        case .acceptable:
            if allowsValidAnswer {
                let asValid = judgeValid(seen, strict: strict)
                if asValid.verdict == .pass {
                    (result.verdict, result.notes) = asValid
                    return
                }
            }
            var judged: [(verdict: Verdict, got: String, notes: [String])] = []
            for error in [expected].compactMap({ $0 }) + alternatives.compactMap(\.error) {
                judged.append(judgeInvalid(seen, against: error, strict: strict, comparingMessage: comparingMessage))
            }
            if let met = judged.first(where: { $0.verdict == .pass && $0.notes.isEmpty }) ?? judged.first(where: { $0.verdict == .pass }) {
                (result.verdict, result.got, result.notes) = met
            } else if alternatives.contains(.refused), seen.isRefusal {
                (result.verdict, result.notes) = (.pass, ["the body refused as malformed"])
            } else if let first = judged.first {
                (result.verdict, result.got, result.notes) = first
            }
        }
    }

    /// What the vector expects, as a report shows it: `HTTP 400
    /// InvalidParameterException [Username pattern]`, `HTTP 200 or a
    /// non-validation error`, or, for an acceptable vector, each allowed
    /// answer joined by `, or `: success first where valid is allowed, then
    /// the expected error, each error alternative, and `HTTP 400
    /// SerializationException (body refused)` where a refusal is allowed.
    public var expectedAnswer: String {
        let success = "HTTP 200 or a non-validation error"
        guard let expected, result != .valid else { return success }
        let errors = ([expected] + alternatives.compactMap(\.error)).map { error in
            let parts = error.violations.map { "\($0.member.wireName) \($0.constraint.rawValue)" }
            return "HTTP 400 \(error.errorType.rawValue)" + (parts.isEmpty ? "" : " [\(parts.joined(separator: ", "))]")
        }
        let answers = (allowsValidAnswer ? [success] : []) + errors
            + (alternatives.contains(.refused) ? ["\(ServerResponse.refusal) (body refused)"] : [])
        return answers.joined(separator: ", or ")
    }

    private func judgeValid(_ seen: ServerResponse, strict: Bool) -> (verdict: Verdict, notes: [String]) {
        if (200..<300).contains(seen.answer.status) {
            return (.pass, seen.answer.status == 200 ? [] : ["a 2xx other than 200"])
        }
        guard seen.answer.status == 400, let type = seen.type else {
            return (.fail, seen.answer.status >= 500 ? ["the server failed on a valid request"] : [])
        }
        if ErrorTypes.validation.contains(type) {
            return (.fail, ["a validation error for a valid request"])
        }
        if ErrorTypes.modelledNames.contains(type) {
            return (.pass, ["got past validation: \(type)"])
        }
        if strict { return (.fail, ["an error type the operation does not model"]) }
        return (.pass, ["got past validation: \(seen.shownType ?? "an unmodelled error type"), which the operation does not model"])
    }

    /// The verdict on `seen` as the error `expected` (the vector's, or an
    /// error alternative).
    private func judgeInvalid(_ seen: ServerResponse, against expected: Expectation?, strict: Bool, comparingMessage: Bool)
        -> (verdict: Verdict, got: String, notes: [String])
    {
        guard let expected else { return (.error, seen.shown, ["the vector has no expectation"]) }
        guard seen.answer.status == 400, seen.type == expected.errorType.rawValue else {
            return (.fail, seen.shown, [])
        }
        guard expected.message != nil else {
            return (.pass, seen.shown, strict ? ["message not compared: the service's wording is undocumented"] : [])
        }
        guard comparingMessage else { return (.pass, seen.shown, []) }
        guard let difference = messageDifference(seen.answer.message, against: expected) else { return (.pass, seen.shown, []) }
        // Reported in every run; failing only a strict one.
        if strict { return (.fail, seen.shown + "; " + difference, []) }
        return (.pass, seen.shown, ["message differs: " + difference])
    }

    /// How an answer's message departs from the expected aggregate, or
    /// `nil` when it is the same up to the order of its parts, the order of
    /// an enum's values (a set: the service's order is not stable), and,
    /// for a `SensitiveNull` vector, either documented reading of an absent
    /// sensitive member (`Value null at 'username'` or `Value at 'username'`).
    /// Names members and constraints only, never the message. `expected` is
    /// the vector's, unless an error alternative is given.
    func messageDifference(_ message: String?, against expected: Expectation? = nil) -> String? {
        guard let expected = expected ?? self.expected, let wanted = expected.message else { return nil }
        guard let message else { return "no message" }
        let options = MessageComparison(enumValuesAsSet: true, sensitiveNullEitherReading: flags.contains("SensitiveNull"))
        let parts = expected.violations.compactMap(\.message)
        if options.same(wanted, message, parts: parts) { return nil }
        let missing = expected.violations.filter { part in
            part.message.map { !options.holds(message, part: $0) } ?? false
        }
        if missing.isEmpty { return "the message differs from the expected aggregate outside its parts" }
        let names = missing.map { "\($0.member.wireName) \($0.constraint.rawValue)" }
        return "the message lacks the part for \(names.joined(separator: ", "))"
    }
}
