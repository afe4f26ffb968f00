#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedbackRules
import FeedbackSigning
import FeedbackWire

/// A message from a client adapter to the runner: one JSON object per line
/// on the adapter's standard output (`Conformance/PROTOCOL.md`).
///
/// ```swift
/// let reply = try AdapterReply(line: Array(#"{"id":"x","rejected":{}}"#.utf8))  // .outcome(id: "x", .rejected)
/// ```
///
/// Parsing keeps no text the client wrote about parameters: a rejection's
/// message is dropped. An `unsupported` reason and an `error` message are
/// kept raw; the runner shows them only through
/// `ClientJudge.scrub(_:of:)`.
public enum AdapterReply: Sendable, Hashable {
    /// The answer to `start`: who the adapter is.
    case started(AdapterImplementation)
    /// The answer to `run`: what the client did.
    case outcome(id: String, ClientOutcome)
    /// The adapter could not do what was asked (its own fault, not the
    /// client's): recorded as an `error` verdict.
    case failed(id: String?, message: String)

    /// Parses a reply line (a trailing `\r\n` is allowed).
    /// - Throws: ``AdapterProtocolError`` naming the field at fault.
    public init(line: some Collection<UInt8>) throws(AdapterProtocolError) {
        let message = try AdapterProtocolError.object(line)
        self = try AdapterProtocolError.reading { try Self(message) }
    }

    /// Reads a reply's fields.
    private init(_ message: JSONFields) throws {
        if case .object? = message.members["implementation"] {
            let implementation = try message.object("implementation")
            if let version = message.members["version"], version != .number(Double(AdapterCommand.protocolVersion)) {
                throw AdapterProtocolError("the adapter speaks another protocol version")
            }
            var extra: [String: String] = [:]
            for (key, value) in implementation.members where !["name", "version", "language"].contains(key) {
                if case .string(let string) = value { extra[key] = string }
            }
            self = .started(AdapterImplementation(
                name: try implementation.string("name"), version: try implementation.optionalString("version"),
                language: try implementation.optionalString("language"), extra: extra))
            return
        }
        let id = try message.optionalString("id")
        if let error = message.members["error"] {
            guard case .string(let text) = error else { throw AdapterProtocolError("'error' is not a string") }
            self = .failed(id: id, message: text)
            return
        }
        guard let id else { throw AdapterProtocolError("'id' is missing or not a string") }
        let kinds = ["rejected", "request", "unsupported"].filter { message.contains($0) }
        guard kinds.count == 1 else { throw AdapterProtocolError("a run reply holds exactly one of 'rejected', 'request', 'unsupported'") }
        switch kinds[0] {
        case "rejected":
            guard case .object? = message.members["rejected"] else { throw AdapterProtocolError("'rejected' is not an object") }
            self = .outcome(id: id, .rejected)
        case "unsupported":
            self = .outcome(id: id, .unsupported(try message.string("unsupported")))
        default:
            self = .outcome(id: id, .sent(try Self.sent(message)))
        }
    }

    private static func sent(_ message: JSONFields) throws -> SentRequest {
        let request = try message.object("request")
        let headers = try HeaderFields(jsonObject: try request.object("headers"))
        var path: String, host = headers["Host"]
        if let url = try request.optionalString("url") {
            guard let components = URLComponents(string: url), let urlHost = components.host, !urlHost.isEmpty else {
                throw AdapterProtocolError("'request.url' is not an absolute URL")
            }
            path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
            if let query = components.percentEncodedQuery { path += "?" + query }
            if host == nil {
                host = WireRequest.hostHeader(scheme: components.scheme ?? "https", host: urlHost, port: components.port)
            }
        } else if let given = try request.optionalString("path") {
            path = given
        } else {
            throw AdapterProtocolError("'request' has neither 'url' nor 'path'")
        }
        let body: [UInt8]
        if let base64 = try request.optionalString("bodyBase64") {
            guard !request.contains("body") else { throw AdapterProtocolError("'request' has both 'body' and 'bodyBase64'") }
            guard let data = Data(base64Encoded: base64) else { throw AdapterProtocolError("'request.bodyBase64' is not base64") }
            body = Array(data)
        } else {
            body = Array(try request.string("body").utf8)
        }
        let surfaced = try message.object("surfaced")
        let outcome: Surfaced
        if let error = try surfaced.optionalString("error") {
            outcome = .error(error)
        } else if surfaced.members["success"] == .bool(true) {
            outcome = .success
        } else {
            throw AdapterProtocolError("'surfaced' is neither {\"success\": true} nor {\"error\": type}")
        }
        return SentRequest(request: WireRequest(method: try request.string("method"), path: path, headers: headers, body: body),
                           host: host, surfaced: outcome)
    }

    /// The reply as one line of compact JSON ending in `\n`, for adapters
    /// written in Swift. A sent request is written with `url` (from
    /// `endpoint`, which must have no path) and a UTF-8 `body`, or
    /// `bodyBase64` when the body is not UTF-8.
    public func jsonLine(endpoint: String = "") -> [UInt8] {
        var json: [String: JSONValue]
        switch self {
        case .started(let implementation):
            var fields = implementation.extra.mapValues(JSONValue.string)
            fields["name"] = .string(implementation.name)
            if let version = implementation.version { fields["version"] = .string(version) }
            if let language = implementation.language { fields["language"] = .string(language) }
            json = ["version": .integer(AdapterCommand.protocolVersion), "implementation": .object(fields)]
        case .failed(let id, let message):
            json = ["error": .string(message)]
            if let id { json["id"] = .string(id) }
        case .outcome(let id, .rejected):
            json = ["id": .string(id), "rejected": .object([:])]
        case .outcome(let id, .unsupported(let reason)):
            json = ["id": .string(id), "unsupported": .string(reason)]
        case .outcome(let id, .sent(let sent)):
            var request: [String: JSONValue] = ["method": .string(sent.request.method), "headers": sent.request.headers.jsonObject,
                                                "url": .string(endpoint + sent.request.path)]
            if let text = String(validating: sent.request.body, as: UTF8.self) { request["body"] = .string(text) }
            else { request["bodyBase64"] = .string(Data(sent.request.body).base64EncodedString()) }
            let surfaced: JSONValue = switch sent.surfaced {
            case .success: .object(["success": .bool(true)])
            case .error(let type): .object(["error": .string(type)])
            }
            json = ["id": .string(id), "request": .object(request), "surfaced": surfaced]
        }
        var line = JSONValue.object(json).jsonText
        line.append(UInt8(ascii: "\n"))
        return line
    }
}

/// An implementation as its adapter introduces itself.
public struct AdapterImplementation: Sendable, Hashable {
    /// Its name, e.g. `botocore`.
    public var name: String
    /// Its version, e.g. `1.43.11`.
    public var version: String?
    /// Its language, e.g. `python`.
    public var language: String?
    /// Any other string fields the adapter gave (`homepage`, ...).
    public var extra: [String: String]

    /// Creates a description.
    public init(name: String, version: String? = nil, language: String? = nil, extra: [String: String] = [:]) {
        self.name = name
        self.version = version
        self.language = language
        self.extra = extra
    }
}
