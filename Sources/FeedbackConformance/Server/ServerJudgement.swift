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
    /// - an error type of ``FeedbackWire/ErrorTypes/unimplemented``
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
    /// - `acceptable` with the alternative `valid`: passes when either of the
    ///   above would pass.
    /// - `acceptable` with the alternative `refused` (a body without a
    ///   Unicode reading): passes when `invalid` would pass, or with HTTP 400
    ///   and `SerializationException` (the body refused as malformed; its
    ///   message is never compared), noted `the body refused as malformed`.
    ///   Anything else fails, a 2xx included.
    ///
    /// Answers that say nothing about validation are ``Verdict/error`` (no
    /// usable answer, worth a rerun or a setup fix, not a conformance
    /// failure): HTTP 502, 503 and 504 (a gateway, not the implementation,
    /// answered); an authentication refusal (``FeedbackWire/ErrorTypes/authentication``,
    /// which AWS checks before validation: check the credentials); throttling
    /// on a vector that a valid answer fails (``allowsValidAnswer``; on any
    /// other it is a business error that got past validation).
    ///
    /// `expected` and `got` never quote the answer's body or message. Error
    /// types and content types the project does not know are shown only when
    /// they look like identifiers (64 characters at most) and hold none of
    /// the request's text; a server may echo the request, and `Username` and
    /// `FeedbackToken` values must never reach a report.
    public func judge(_ answer: WireResponse, strict: Bool = false, unknownOperation: WireResponse? = nil) -> CaseResult {
        let seen = ServerResponse(answer, for: self)
        var result = CaseResult(id: id, verdict: .fail, expected: expectedAnswer, got: seen.shown)
        if let reason = seen.unimplementedReason(like: unknownOperation) {
            result.verdict = .unimplemented
            result.notes.append(reason)
            return result
        }
        if let reason = seen.noVerdictReason(throttlingCounts: !allowsValidAnswer) {
            result.verdict = .error
            result.notes.append(reason)
            return result
        }
        switch self.result {
        case .valid:
            (result.verdict, result.notes) = judgeValid(seen, strict: strict)
        case .invalid:
            (result.verdict, result.got, result.notes) = judgeInvalid(seen, strict: strict)
        case .acceptable where allowsValidAnswer:
            let asValid = judgeValid(seen, strict: strict)
            if asValid.verdict == .pass {
                (result.verdict, result.notes) = asValid
            } else {
                (result.verdict, result.got, result.notes) = judgeInvalid(seen, strict: strict)
            }
        case .acceptable:
            let asInvalid = judgeInvalid(seen, strict: strict)
            if asInvalid.verdict != .pass, seen.isRefusal {
                (result.verdict, result.notes) = (.pass, ["the body refused as malformed"])
            } else {
                (result.verdict, result.got, result.notes) = asInvalid
            }
        }
        return result
    }

    /// What the vector expects, as a report shows it: `HTTP 400
    /// InvalidParameterException [Username pattern]`, `HTTP 200 or a
    /// non-validation error`, both for an acceptable vector whose
    /// alternative is valid, or the error and `HTTP 400
    /// SerializationException (body refused)` for one whose alternative is
    /// refused.
    public var expectedAnswer: String {
        let success = "HTTP 200 or a non-validation error"
        guard let expected, result != .valid else { return success }
        let parts = expected.violations.map { "\($0.member.wireName) \($0.constraint.rawValue)" }
        let error = "HTTP 400 \(expected.errorType.rawValue)" + (parts.isEmpty ? "" : " [\(parts.joined(separator: ", "))]")
        guard result == .acceptable else { return error }
        return allowsValidAnswer ? "\(success), or \(error)" : "\(error), or \(ServerResponse.refusal) (body refused)"
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

    private func judgeInvalid(_ seen: ServerResponse, strict: Bool) -> (verdict: Verdict, got: String, notes: [String]) {
        guard let expected else { return (.error, seen.shown, ["the vector has no expectation"]) }
        guard seen.answer.status == 400, seen.type == expected.errorType.rawValue else {
            return (.fail, seen.shown, [])
        }
        guard strict else { return (.pass, seen.shown, []) }
        guard let wanted = expected.message else {
            return (.pass, seen.shown, ["message not compared: the service's wording is undocumented"])
        }
        guard let message = seen.answer.message else {
            return (.fail, seen.shown + "; no message", [])
        }
        let parts = expected.violations.compactMap(\.message)
        if Expectation.sameMessage(wanted, message, parts: parts) { return (.pass, seen.shown, []) }
        let missing = expected.violations.filter { part in
            part.message.map { !message.contains($0) } ?? false
        }
        if missing.isEmpty {
            return (.fail, seen.shown + "; the message differs from the expected aggregate outside its parts", [])
        }
        let names = missing.map { "\($0.member.wireName) \($0.constraint.rawValue)" }
        return (.fail, seen.shown + "; the message lacks the part for \(names.joined(separator: ", "))", [])
    }
}

/// A server's answer as the judgement reads it: its status, error type and
/// content type, and what of them a report may show.
struct ServerResponse {
    /// The answer.
    let answer: WireResponse
    /// The sanitized error type, when the answer names one.
    let type: String?
    /// ``type`` when a report may show it.
    let shownType: String?
    /// The media type of `Content-Type` when a report may show it.
    let shownContentType: String?

    /// Body phrases (ASCII, any case) that say the same on HTTP 404 or 500.
    static let unimplementedPhrases = [
        "not implemented", "not yet implemented", "has not been implemented", "unknown operation",
        "unsupported operation", "operation is not supported",
    ]

    init(_ answer: WireResponse, for vector: Vector) {
        self.answer = answer
        let type = answer.errorType
        self.type = type
        if let type, ErrorTypes.known.contains(type) {
            shownType = type
        } else {
            shownType = type.flatMap { Self.showable($0, for: vector, allowed: Self.identifierBytes) }
        }
        // Shown only for an error without a type (see `shown`): worked out only then.
        if (200..<300).contains(answer.status) || type != nil {
            shownContentType = nil
        } else {
            let media = answer.headers["Content-Type"].map {
                String($0.prefix { $0 != ";" }).trimmingASCIIWhitespace.lowercased()
            }
            shownContentType = media.flatMap { Self.showable($0, for: vector, allowed: Self.mediaTypeBytes) }
        }
    }

    /// `HTTP 400 InvalidParameterException`, `HTTP 500 without an error type
    /// (text/html)`, `HTTP 200`.
    var shown: String {
        let status = "HTTP \(answer.status)"
        if (200..<300).contains(answer.status) { return status }
        if let shownType { return "\(status) \(shownType)" }
        if type != nil { return "\(status) with an error type not shown (it is not an identifier, or holds request text)" }
        return "\(status) without an error type" + (shownContentType.map { " (\($0))" } ?? "")
    }

    /// How a server refuses a body as malformed: `HTTP 400 SerializationException`.
    static let refusal = "HTTP 400 SerializationException"

    /// Whether the answer refuses the body as malformed (``refusal``).
    var isRefusal: Bool { answer.status == 400 && type == "SerializationException" }

    /// Why the answer means the operation is unimplemented, or `nil`.
    func unimplementedReason(like unknownOperation: WireResponse?) -> String? {
        if answer.status == 501 { return "HTTP 501 Not Implemented" }
        if let type, ErrorTypes.unimplemented.contains(type) { return "the server does not know the operation (\(type))" }
        let isValidationError = type.map(ErrorTypes.validation.contains) ?? false
        if [404, 500].contains(answer.status), !isValidationError {
            let text = String(decoding: answer.body.prefix(8192).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            if let phrase = Self.unimplementedPhrases.first(where: text.contains) {
                return "the answer's body says \"\(phrase)\""
            }
        }
        if let probe = unknownOperation, probe.status >= 400, !isValidationError,
            probe.status == answer.status, probe.errorType == type, type != nil || probe.body == answer.body
        {
            return "the same answer as to an operation that does not exist"
        }
        return nil
    }

    /// Why the answer says nothing about validation, or `nil`.
    func noVerdictReason(throttlingCounts: Bool) -> String? {
        if [502, 503, 504].contains(answer.status) { return "a gateway or unavailable service answered; rerun" }
        if let type, ErrorTypes.authentication.contains(type) {
            return "refused before validation (authentication): check the credentials and region"
        }
        if throttlingCounts, answer.status == 429 || type.map(ErrorTypes.throttling.contains) == true {
            return "throttled before validation; rerun with less concurrency"
        }
        return nil
    }

    /// `A-Z a-z 0-9 _ .`
    private static func identifierBytes(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F || byte == 0x2E
    }

    /// `a-z 0-9 + - . /`
    private static func mediaTypeBytes(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || [0x2B, 0x2D, 0x2E, 0x2F].contains(byte)
    }

    /// `text` when a report may show it: at most 64 allowed bytes, no
    /// sensitive value of the vector's body in it, and not found in the
    /// request's text (an echo).
    private static func showable(_ text: String, for vector: Vector, allowed: (UInt8) -> Bool) -> String? {
        guard !text.isEmpty, text.utf8.count <= 64, text.utf8.allSatisfy(allowed) else { return nil }
        guard Redactor(secrets: vector.sensitiveValues, minimumLength: 1).shown(text) != nil else { return nil }
        if vector.wireBytes.firstRange(of: Array(text.utf8)) != nil { return nil }
        return text
    }
}

