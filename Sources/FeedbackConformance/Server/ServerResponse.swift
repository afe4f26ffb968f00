import FeedbackRules
import FeedbackVectors
import FeedbackWire

/// A server's answer as the judgement reads it: its status, error type and
/// content type, and what of them a report may show.
struct ServerResponse {
    /// The answer.
    let answer: WireResponse
    /// The vector it answers.
    let vector: Vector
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
        self.vector = vector
        let type = answer.errorType
        self.type = type
        if let type, ErrorTypes.known.contains(type) {
            shownType = type
        } else {
            shownType = type.flatMap { Self.showable($0, for: vector, allowed: Self.identifierBytes) }
        }
        // Shown only for an error without a type (see `shown`): worked out only then.
        if answer.statusKind == .successful || type != nil {
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
        if answer.statusKind == .successful { return status }
        if let shownType { return "\(status) \(shownType)" }
        if type != nil { return "\(status) with an error type not shown (it is not an identifier, or holds request text)" }
        return "\(status) without an error type" + (shownContentType.map { " (\($0))" } ?? "")
    }

    /// How a server refuses a body as malformed: `HTTP 400 SerializationException`.
    static let refusal = "HTTP 400 SerializationException"

    /// Whether the answer refuses the body as malformed (``refusal``).
    var isRefusal: Bool { answer.status == 400 && type == "SerializationException" }

    /// Whether the answer refuses the request for its credentials: an
    /// authentication error type, or HTTP 401 or 403 naming no other type.
    var requiresAuthentication: Bool {
        guard let type else { return answer.status == 401 || answer.status == 403 }
        return ErrorTypes.authentication.contains(type)
    }

    /// Whether the error type is named only in the `X-Amzn-ErrorType`
    /// header (or a `code` member), not in the body's `__type` as Cognito
    /// sends it.
    var typeOnlyInHeader: Bool {
        [.clientError, .serverError].contains(answer.statusKind) && type != nil && !answer.namesTypeInBody
    }

    /// The sensitive member whose value the answer quotes, anywhere (a
    /// header, the body, escaped or not), or `nil`. Cognito omits those
    /// values from everything it answers; a server that does not leaks
    /// them (a security failure). A value of 4 bytes or more is looked for
    /// in every reading (``Redactor``); a shorter one, which ordinary text
    /// holds by chance, only as a whole header value, a whole JSON string,
    /// or quoted as Cognito's messages quote values (`'a' at 'username'`).
    /// The documented patterns are left out of the search: a token made of
    /// the pattern's own characters must not count as quoted.
    var echoedMember: Member? {
        guard let body = vector.body else { return nil }
        let texts = answer.headers.fields.map(\.value) + [Self.withoutPatterns(String(decoding: answer.body, as: UTF8.self))]
        let strings = Set(answer.headers.fields.map(\.value) + Self.jsonStrings(answer.body))
        for member in Member.allCases where member.isSensitive {
            guard case .string(let value)? = body.members[member.wireName], !value.isEmpty else { continue }
            if value.utf8.count >= Redactor.minimumLength {
                let redactor = Redactor(secrets: [value])
                if texts.contains(where: redactor.holdsSecret) { return member }
            } else if strings.contains(where: { $0.utf8.elementsEqual(value.utf8) })
                || texts.contains(where: { $0.contains("'\(value)' at '\(member.path)'") }) {
                return member
            }
        }
        return nil
    }

    /// `text` without the documented patterns' sources.
    private static func withoutPatterns(_ text: String) -> String {
        Pattern.allCases.reduce(text) { $0.replacing($1.source, with: "") }
    }

    /// Every string of a JSON body, at any depth (none when it is not JSON).
    private static func jsonStrings(_ body: [UInt8]) -> [String] {
        guard let value = try? JSONValue(parsing: body) else { return [] }
        var strings: [String] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .string(let string): strings.append(string)
            case .array(let values): values.forEach(walk)
            case .object(let members): members.values.forEach(walk)
            case .null, .bool, .number: break
            }
        }
        walk(value)
        return strings
    }

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
        if let probe = unknownOperation, [.clientError, .serverError].contains(probe.statusKind), !isValidationError,
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

