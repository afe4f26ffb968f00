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
    package func judge(_ answer: WireResponse, strict: Bool = false, unknownOperation: WireResponse? = nil,
                      quoting: Member? = nil, messageWithheld: Bool = false) -> CaseResult
    {
        let seen = ServerResponse(answer, for: self)
        var result = CaseResult(id: id, verdict: .fail, expected: expectedAnswer, got: seen.shown)
        if let member = quoting ?? seen.echoedMember {
            // A security failure, whatever else the answer says.
            result.got = seen.shown + "; the answer quotes the request's \(member.wireName) value"
            result.notes.append("security: a sensitive value in the answer")
            result.deviations = [Deviation(finding: "echoes-sensitive-value", severity: .service,
                                           detail: "the answer quotes the request's \(member.wireName) value")]
            return result
        }
        if let reason = seen.unimplementedReason(like: unknownOperation) {
            result.verdict = .unimplemented
            result.notes.append(reason)
            result.deviations = [Deviation(finding: FindingCatalog.notImplemented, severity: .service, detail: reason)]
            return result
        }
        if !operation.isSigned, seen.requiresAuthentication {
            result.got = seen.shown + "; \(operation.rawValue) required authentication"
            result.notes.append("requires authentication for an operation the model marks authtype none")
            result.deviations = [Deviation(finding: "requires-authentication-for-optional-auth-operation", severity: .service,
                                           detail: "\(operation.rawValue) required authentication")]
            return result
        }
        if let reason = seen.noVerdictReason(throttlingCounts: !allowsValidAnswer) {
            result.verdict = .error
            result.notes.append(reason)
            result.deviations = [Deviation(finding: "no-usable-answer", severity: .service, detail: reason)]
            return result
        }
        judgeByResult(seen, strict: strict, comparingMessage: !messageWithheld, into: &result)
        if result.verdict == .error { return result }
        if seen.typeOnlyInHeader {
            let problem = "the error type is not in the body's __type as Cognito sends it (only in X-Amzn-ErrorType or code): "
                + "clients that read only __type (botocore, aws-sdk-go v1) miss it"
            result.deviations.append(Deviation(finding: "error-type-only-in-header", severity: .protocol, detail: problem))
            if strict && !result.deviations.contains(where: { $0.severity.failsRun(strict: true) && $0.finding != "error-type-only-in-header" }) {
                result.got = seen.shown + "; " + problem
            } else {
                result.notes.append("interoperability: " + problem)
            }
        }
        result.verdict = result.deviations.contains { $0.severity.failsRun(strict: strict) } ? .fail : .pass
        return result
    }

    /// The sensitive member (`Username`, `FeedbackToken`) whose value
    /// `answer` quotes anywhere (a header, the body, escaped or not), or
    /// `nil`. Cognito omits those values from everything it answers.
    public func sensitiveMember(quotedIn answer: WireResponse) -> Member? {
        ServerResponse(answer, for: self).echoedMember
    }

    /// The deviations by the vector's result, once the answer is one to
    /// judge, with the `got` and notes they call for.
    private func judgeByResult(_ seen: ServerResponse, strict: Bool, comparingMessage: Bool, into result: inout CaseResult) {
        let judged: Judged
        switch self.result {
        case .valid:
            judged = judgeValid(seen, strict: strict)
        case .invalid:
            judged = judgeInvalid(seen, against: expected, strict: strict, comparingMessage: comparingMessage)
        case .acceptable:
            judged = judgeAcceptable(seen, strict: strict, comparingMessage: comparingMessage)
        }
        if judged.noExpectation { result.verdict = .error }
        result.got = judged.got
        result.notes += judged.notes
        result.deviations += judged.deviations
    }

    /// An acceptable vector's answer, by the reading it meets best (valid
    /// where allowed, the expected error, each error alternative, a refusal
    /// where allowed): one met without any deviation first, then one met
    /// with no `service` deviation; when none is met, the expected error's
    /// deviations.
    private func judgeAcceptable(_ seen: ServerResponse, strict: Bool, comparingMessage: Bool) -> Judged {
        var readings = allowsValidAnswer ? [judgeValid(seen, strict: strict)] : []
        readings += ([expected].compactMap { $0 } + alternatives.compactMap(\.error)).map { error in
            judgeInvalid(seen, against: error, strict: strict, comparingMessage: comparingMessage)
        }
        if alternatives.contains(.refused), seen.isRefusal {
            readings.append(Judged(got: seen.shown, notes: ["the body refused as malformed"]))
        }
        // A reading met exactly first, then one met as the service would; else the expected error's deviations.
        if let met = readings.first(where: { !$0.noExpectation && $0.deviations.isEmpty }) ?? readings.first(where: \.conforms) {
            return met
        }
        return readings.dropFirst(allowsValidAnswer ? 1 : 0).first ?? readings.first
            ?? Judged(got: seen.shown, notes: ["the vector has no expectation"], noExpectation: true)
    }

    /// What judging an answer by one reading came to.
    private struct Judged {
        var got: String
        var notes: [String] = []
        var deviations: [Deviation] = []
        var noExpectation = false
        /// Whether the answer meets the reading as the service would:
        /// no `service` deviation.
        var conforms: Bool { !noExpectation && !deviations.contains { $0.severity == .service } }
    }

    /// What the vector expects, as a report shows it: `HTTP 400
    /// InvalidParameterException [Username pattern]`, `HTTP 200 or a
    /// non-validation error`, or, for an acceptable vector, each allowed
    /// answer joined by `, or `: success first where valid is allowed, then
    /// the expected error, each error alternative, and `HTTP 400
    /// SerializationException (body refused)` where a refusal is allowed.
    package var expectedAnswer: String {
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

    private func judgeValid(_ seen: ServerResponse, strict: Bool) -> Judged {
        var judged = Judged(got: seen.shown)
        func deviate(_ finding: String, _ severity: Severity, _ detail: String) {
            judged.deviations.append(Deviation(finding: finding, severity: severity, detail: detail))
        }
        if seen.answer.statusKind == .successful {
            if seen.answer.status != 200 {
                judged.notes.append("a 2xx other than 200")
                deviate("answers-2xx-other-than-200", .protocol, "HTTP \(seen.answer.status) for a valid request")
            }
            return judged
        }
        guard seen.answer.status == 400, let type = seen.type else {
            if seen.answer.statusKind == .serverError {
                judged.notes.append("the server failed on a valid request")
                deviate("fails-on-valid-request", .service, "\(seen.shown) for a valid request")
            } else {
                // Not a validation answer (a redirect, a 403, a 400 without a type): wrong under every reading.
                deviate("rejects-valid-request", .service, "\(seen.shown) for a valid request")
            }
            return judged
        }
        if ErrorTypes.validation.contains(type) {
            judged.notes.append("a validation error for a valid request")
            deviate("rejects-valid-request", expectationSeverity, "\(seen.shown) for a valid request")
        } else if ErrorTypes.modelledNames.contains(type) {
            judged.notes.append("got past validation: \(type)")
        } else {
            judged.notes.append(strict ? "an error type the operation does not model"
                : "got past validation: \(seen.shownType ?? "an unmodelled error type"), which the operation does not model")
            deviate("unmodelled-error-type", .protocol, "\(seen.shown): an error type the operation does not model")
        }
        return judged
    }

    /// The deviations of `seen` from the error `expected` (the vector's, or
    /// an error alternative).
    private func judgeInvalid(_ seen: ServerResponse, against expected: Expectation?, strict: Bool, comparingMessage: Bool)
        -> Judged
    {
        var judged = Judged(got: seen.shown)
        guard let expected else {
            judged.noExpectation = true
            judged.notes.append("the vector has no expectation")
            return judged
        }
        guard seen.answer.status == 400, seen.type == expected.errorType.rawValue else {
            judged.deviations = missedValidation(seen, expected)
            return judged
        }
        guard expected.message != nil else {
            if strict { judged.notes.append("message not compared: the service's wording is undocumented") }
            return judged
        }
        guard comparingMessage else { return judged }
        guard let difference = messageDifference(seen.answer.message, against: expected) else {
            if let order = enumOrderDifference(seen.answer.message, against: expected) {
                judged.deviations.append(Deviation(finding: "lists-enum-in-other-order", severity: .inferred, detail: order))
            }
            return judged
        }
        // The wording is a protocol matter, and no more than the vector's evidence.
        judged.deviations.append(Deviation(finding: "validation-message-differs", severity: max(.protocol, expectationSeverity),
                                           detail: difference))
        // Reported in every run; failing only a strict one.
        if strict { judged.got = seen.shown + "; " + difference } else { judged.notes.append("message differs: " + difference) }
        return judged
    }

    /// The causes of a wrong answer to an invalid request: one
    /// `skips-<member>-<constraint>-check` per expected violation when the
    /// answer got past validation (success, or a non-validation error),
    /// `accepts-malformed-body` when it expects a refusal without a
    /// violation, `answers-<got>-for-<expected>` for another error or
    /// status, `fails-on-invalid-request` for HTTP 5xx.
    private func missedValidation(_ seen: ServerResponse, _ expected: Expectation) -> [Deviation] {
        let severity = expectationSeverity
        let status = seen.answer.status, kind = seen.answer.statusKind
        if kind == .serverError {
            return [Deviation(finding: "fails-on-invalid-request", severity: .service, detail: "\(seen.shown) instead of HTTP 400")]
        }
        // A redirect, a 403, a 404: wrong under every reading of the vector.
        let otherStatus = kind != .successful && status != 400
        let pastValidation = kind == .successful
            || (status == 400 && seen.type.map { !ErrorTypes.validation.contains($0) } ?? false)
        guard pastValidation else {
            var got = status == 400 ? "" : "http-\(status)"
            if let type = seen.type {
                // Only a type this project knows names a finding: an answer's own text never does.
                got += (got.isEmpty ? "" : "-") + (ErrorTypes.known.contains(type) ? FindingCatalog.kebab(type) : "another-error-type")
            } else if got.isEmpty {
                got = "http-400-without-error-type"
            }
            return [Deviation(finding: "answers-\(got)-for-\(FindingCatalog.kebab(expected.errorType.rawValue))",
                              severity: otherStatus ? .service : severity,
                              detail: "\(seen.shown) instead of HTTP 400 \(expected.errorType.rawValue)")]
        }
        guard !expected.violations.isEmpty else {
            let finding = expected.errorType.rawValue == "SerializationException" ? "accepts-malformed-body" : "accepts-invalid-request"
            return [Deviation(finding: finding, severity: severity,
                              detail: "\(seen.shown) where the service answers HTTP 400 \(expected.errorType.rawValue)")]
        }
        var seenKinds = Set<String>()
        return expected.violations.compactMap { violation in
            let what = FindingCatalog.kebab(violation.member.wireName) + "-" + violation.constraint.rawValue
            guard seenKinds.insert(what).inserted else { return nil }
            return Deviation(finding: "skips-\(what)-check", severity: severity,
                             detail: "\(seen.shown) where the service reports \(violation.member.wireName) \(violation.constraint.rawValue)")
        }
    }

    /// How an answer's message lists an enum's values in another order than
    /// the vector's (`[Valid, Invalid]`, an inferred order) when it is
    /// otherwise the expected message; `nil` when it does not.
    func enumOrderDifference(_ message: String?, against expected: Expectation) -> String? {
        guard let wanted = expected.message, let message,
              expected.violations.contains(where: { $0.constraint == .enum }) else { return nil }
        let ordered = MessageComparison(enumValuesAsSet: false, sensitiveNullEitherReading: flags.contains("SensitiveNull"))
        if ordered.same(wanted, message, parts: expected.violations.compactMap(\.message)) { return nil }
        return "the enum values are listed in another order than the vector's [Valid, Invalid]"
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
