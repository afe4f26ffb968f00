import FeedbackConformance
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One request a server run sent and what came of it, as one line of a
/// recording (`conform server --record FILE`, JSON lines): evidence of what
/// an implementation, above all the real service, answered, which
/// `conform replay` judges again against the current vectors.
///
/// ```json
/// {"recording":1,"vector":"username-pattern.zwj-sequence.update","probe":null,"operation":"UpdateAuthEventFeedback",
///  "signed":false,"attempt":1,"time":"2026-11-30T10:00:00.123Z","milliseconds":84.2,
///  "endpoint":"https://cognito-idp.us-east-1.amazonaws.com/","region":"us-east-1","reference":true,
///  "requestSha256":"9f2c…","status":400,"errorType":"InvalidParameterException",
///  "message":"1 validation error detected: Value at 'username' failed to satisfy constraint: …",
///  "requestId":"3c1f…","contentType":"application/x-amz-json-1.1","body":null,"failure":null,"tool":"0.1.0"}
/// ```
///
/// What is kept is what the judge reads, and no more: the status, the
/// error type, the message, the content type, the request id, and the body
/// only when it is not a JSON object (an HTML page saying "not
/// implemented"), at most ``maxBodyBytes``. Never the request's body (only
/// its SHA-256, to tell whether the vector still sends the same bytes),
/// never a header the request carried. Every string is passed through the
/// run's `Redactor` when the exchange is made: one
/// holding a sensitive value (a username, a token, a credential's secret)
/// is recorded as `Redactor/placeholder`.
public struct RecordedExchange: Sendable, Hashable {
    /// The format's version, the `recording` member of every line.
    public static let formatVersion = 1
    /// The most bytes of a non-JSON body kept (what the judge looks at for
    /// "not implemented").
    public static let maxBodyBytes = 8192
    /// The longest line read back.
    public static let maxLineBytes = 1 << 20

    /// What the request was for.
    public enum Subject: Sendable, Hashable {
        /// A vector, by id.
        case vector(String)
        /// The probe for an operation that does not exist, signed or not.
        case probe(signed: Bool)
    }

    /// What the request was for.
    public var subject: Subject
    /// The operation named by the request's `X-Amz-Target`.
    public var operation: String
    /// Whether it carried a SigV4 signature.
    public var signed: Bool
    /// 1 for the first attempt, 2 for the first retry, ...
    public var attempt: Int
    /// When it was sent (ISO 8601, UTC, milliseconds).
    public var time: String
    /// How long the exchange took.
    public var milliseconds: Double
    /// The endpoint URL.
    public var endpoint: String
    /// The region it was signed for (and, for the real service, addressed to).
    public var region: String
    /// Whether the implementation was the reference (the real service).
    public var reference: Bool
    /// SHA-256 of the request's body, in hexadecimal.
    public var requestSha256: String
    /// The HTTP status; `nil` when no answer came (see ``failure``).
    public var status: Int?
    /// The answer's error type, reduced to the short name.
    public var errorType: String?
    /// The answer's error message.
    public var message: String?
    /// Where the answer named its error type: `false` when only in
    /// `X-Amzn-ErrorType` or a `code` member, not in the body's `__type` as
    /// Cognito sends it; `nil` without an error type (or in a recording
    /// that predates the member).
    public var typeInBody: Bool?
    /// The sensitive member whose value the answer quoted (by wire name,
    /// `Username` or `FeedbackToken`), found when the exchange was made; the
    /// value itself is withheld like any other. `nil`: none.
    public var quoted: String?
    /// The `x-amzn-RequestId` header: the service's id for the request,
    /// which AWS support can look up.
    public var requestId: String?
    /// The `Content-Type` header.
    public var contentType: String?
    /// The body, when it is not a JSON object (at most ``maxBodyBytes``).
    public var body: String?
    /// Why no answer came (`connection refused`, `timed out after 10 s`).
    public var failure: String?
    /// The version of `cognito-feedback` that recorded it.
    public var tool: String

    /// Records an exchange: `request`, sent at `time` as attempt `attempt`,
    /// came to `result` in `milliseconds`. Every string is filtered by
    /// `redactor` here.
    public init(subject: Subject, request: WireRequest, attempt: Int, time: Date, milliseconds: Double,
                result: Result<WireResponse, TransportFailure>, endpoint: String, region: String, reference: Bool,
                tool: String, redactor: Redactor, vector: Vector? = nil)
    {
        self.subject = subject
        let target = request.headers["X-Amz-Target"] ?? ""
        operation = redactor.filtered(String(target.split(separator: ".").last ?? ""))
        signed = request.headers["Authorization"] != nil
        self.attempt = attempt
        self.time = time.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        self.milliseconds = (milliseconds * 10).rounded() / 10
        self.endpoint = redactor.filtered(endpoint)
        self.region = redactor.filtered(region)
        self.reference = reference
        requestSha256 = SHA256.hex(SHA256.hash(request.body))
        self.tool = tool
        switch result {
        case .success(let answer):
            status = answer.status
            errorType = answer.errorType.map(redactor.filtered)
            if errorType != nil { typeInBody = answer.namesTypeInBody }
            quoted = vector?.sensitiveMember(quotedIn: answer)?.wireName
            message = answer.message.map(redactor.filtered)
            requestId = answer.headers["x-amzn-RequestId"].map(redactor.filtered)
            contentType = answer.headers["Content-Type"].map(redactor.filtered)
            if case .object? = try? JSONValue(parsing: answer.body) {
                body = nil
            } else if !answer.body.isEmpty {
                body = redactor.filtered(Self.prefix(answer.body))
            }
        case .failure(let reason):
            failure = redactor.filtered(reason.description)
        }
    }

    /// The first ``maxBodyBytes`` of `bytes` as text, cut at a character.
    private static func prefix(_ bytes: [UInt8]) -> String {
        var text = String(decoding: bytes.prefix(maxBodyBytes), as: UTF8.self)
        while text.utf8.count > maxBodyBytes { text.removeLast() }
        return text
    }

    /// The answer as the judge reads it, rebuilt from what was recorded:
    /// the status, `Content-Type`, `x-amzn-RequestId`, and a body holding
    /// the error type (`__type`) and message, or the recorded body. `.failure`
    /// with the recorded reason when no answer came.
    public var answer: Result<WireResponse, RecordedFailure> {
        guard let status else { return .failure(RecordedFailure(description: failure ?? "no answer recorded")) }
        var headers = HeaderFields()
        if let contentType { headers.append("Content-Type", contentType) }
        if let requestId { headers.append("x-amzn-RequestId", requestId) }
        if let errorType, typeInBody == false { headers.append("X-Amzn-ErrorType", errorType) }
        if let body { return .success(WireResponse(status: status, headers: headers, body: Array(body.utf8))) }
        var members: [String: JSONValue] = [:]
        if let errorType, typeInBody != false { members["__type"] = .string(errorType) }
        if let message { members["message"] = .string(message) }
        return .success(WireResponse(status: status, headers: headers, body: JSONWriter().text(.object(members))))
    }

    /// Whether the message was withheld when it was recorded (it held a
    /// sensitive value of the run), so that it cannot be compared.
    public var messageWithheld: Bool { message == Redactor.placeholder }

    /// The keys of a line, in the order they are written.
    static let keys = [
        "recording", "vector", "probe", "operation", "signed", "attempt", "time", "milliseconds", "endpoint", "region",
        "reference", "requestSha256", "status", "errorType", "typeInBody", "message", "quoted", "requestId", "contentType",
        "body", "failure", "tool",
    ]

    /// The exchange as one line of JSON (no line break in it), without the
    /// final line feed.
    public var jsonLine: [UInt8] {
        var vector: JSONValue = .null, probe: JSONValue = .null
        switch subject {
        case .vector(let id): vector = .string(id)
        case .probe(let signed): probe = .string(signed ? "signed" : "unsigned")
        }
        let members: [String: JSONValue] = [
            "recording": .integer(Self.formatVersion), "vector": vector, "probe": probe, "operation": .string(operation),
            "signed": .bool(signed), "attempt": .integer(attempt), "time": .string(time), "milliseconds": .number(milliseconds),
            "endpoint": .string(endpoint), "region": .string(region), "reference": .bool(reference),
            "requestSha256": .string(requestSha256), "status": status.map(JSONValue.integer) ?? .null,
            "errorType": .nullable(errorType), "typeInBody": typeInBody.map(JSONValue.bool) ?? .null,
            "message": .nullable(message), "quoted": .nullable(quoted), "requestId": .nullable(requestId),
            "contentType": .nullable(contentType), "body": .nullable(body), "failure": .nullable(failure),
            "tool": .string(tool),
        ]
        var out: [UInt8] = []
        JSONWriter().writeObject(members, keys: Self.keys, to: &out)
        return out
    }

    /// Reads one line of a recording.
    /// - Throws: ``RecordingError`` naming what is wrong (never quoting the line).
    public init(jsonLine bytes: some Collection<UInt8>) throws(RecordingError) {
        guard bytes.count <= Self.maxLineBytes else { throw RecordingError("longer than \(Self.maxLineBytes) bytes") }
        let members: [String: JSONValue]
        do { members = try JSONValue.object(parsing: bytes) } catch { throw RecordingError("not a JSON object (\(error))") }
        do { try self.init(json: JSONFields(members: members, document: "the line")) } catch { throw RecordingError(error.reason) }
    }

    /// Reads one line of a recording from its fields, with the keys
    /// ``jsonLine`` writes (``keys``).
    package init(json fields: JSONFields) throws(JSONFieldError) {
        guard try fields.optionalInt("recording") == Self.formatVersion else {
            throw fields.error("recording", expected: "format \(Self.formatVersion)")
        }
        switch (try fields.optionalString("vector"), try fields.optionalString("probe")) {
        case (let id?, nil): subject = .vector(id)
        case (nil, "signed"?): subject = .probe(signed: true)
        case (nil, "unsigned"?): subject = .probe(signed: false)
        default: throw fields.error("vector", expected: "a vector id, or else a probe (signed or unsigned)")
        }
        operation = try fields.string("operation")
        signed = try fields.bool("signed")
        attempt = try fields.int("attempt")
        guard attempt >= 1 else { throw fields.error("attempt", expected: "1 or more") }
        time = try fields.string("time")
        milliseconds = try fields.double("milliseconds")
        guard milliseconds >= 0 else { throw fields.error("milliseconds", expected: "a number of 0 or more") }
        endpoint = try fields.string("endpoint")
        region = try fields.string("region")
        reference = try fields.bool("reference")
        requestSha256 = try fields.string("requestSha256")
        status = try fields.optionalInt("status")
        errorType = try fields.optionalString("errorType")
        typeInBody = try fields.optionalBool("typeInBody")
        message = try fields.optionalString("message")
        quoted = try fields.optionalString("quoted")
        if let quoted, Member(wireName: quoted)?.isSensitive != true {
            throw fields.error("quoted", expected: "a sensitive member's name")
        }
        requestId = try fields.optionalString("requestId")
        contentType = try fields.optionalString("contentType")
        body = try fields.optionalString("body")
        failure = try fields.optionalString("failure")
        tool = try fields.string("tool")
        guard (status == nil) != (failure == nil) else { throw fields.error("status", expected: "either a status or a failure") }
        if let status, !(100..<1000).contains(status) { throw fields.error("status", expected: "an HTTP status") }
    }
}

/// Why no answer came, as a recording says it.
public struct RecordedFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The recorded reason.
    public let description: String
}

/// A line of a recording that cannot be read. The reason never quotes the line.
public struct RecordingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    init(_ description: String) { self.description = description }
}
