import FeedbackRules
import FeedbackSigning
import FeedbackWire

/// A message from the runner to a client adapter: one JSON object per line
/// on the adapter's standard input (`Conformance/PROTOCOL.md`).
///
/// ```swift
/// let line = AdapterCommand.stop.jsonLine       // {"cmd":"stop"}\n
/// let back = try AdapterCommand(line: line)     // .stop (adapters written in Swift parse with this)
/// ```
public enum AdapterCommand: Sendable, Hashable {
    /// Introduce yourself; here are the endpoint and credentials to use.
    case start(StartCommand)
    /// Build the request for one case, feed back the canned response, report.
    case run(RunCommand)
    /// Exit now; no reply.
    case stop

    /// The protocol version this runner speaks.
    public static let protocolVersion = 1

    /// The message as one line of compact JSON, ASCII only (non-ASCII
    /// escaped as `\uXXXX`, UTF-16 surrogate pairs beyond the BMP), ending
    /// in `\n`.
    public var jsonLine: [UInt8] {
        var line = JSONWriter(escaping: .nonASCII).text(.object(json))
        line.append(UInt8(ascii: "\n"))
        return line
    }

    var json: [String: JSONValue] {
        switch self {
        case .start(let start):
            var credentials: [String: JSONValue] = [
                "accessKeyId": .string(start.credentials.accessKeyId),
                "secretAccessKey": .string(start.credentials.secretAccessKey),
            ]
            if let token = start.credentials.sessionToken { credentials["sessionToken"] = .string(token) }
            return ["cmd": .string("start"), "version": .integer(start.version), "region": .string(start.region),
                    "endpoint": .string(start.endpoint), "credentials": .object(credentials)]
        case .run(let run):
            return ["cmd": .string("run"), "id": .string(run.id), "operation": .string(run.operation.rawValue),
                    "parameters": .object(Dictionary(uniqueKeysWithValues: run.parameters.map { ($0.key.wireName, .string($0.value)) })),
                    "response": .object(["status": .integer(run.response.status), "headers": run.response.headers.jsonObject,
                                         "body": .string(String(decoding: run.response.body, as: UTF8.self))])]
        case .stop:
            return ["cmd": .string("stop")]
        }
    }

    /// Parses a command line, for adapters written in Swift.
    /// - Throws: ``AdapterProtocolError`` naming the field at fault.
    public init(line: some Collection<UInt8>) throws(AdapterProtocolError) {
        let message = try AdapterProtocolError.object(line)
        self = try AdapterProtocolError.reading { try Self(message) }
    }

    /// Reads a command's fields.
    private init(_ message: JSONFields) throws {
        switch try message.optionalString("cmd") {
        case "start":
            let credentials = try message.object("credentials")
            self = .start(StartCommand(
                version: try message.int("version"), region: try message.string("region"),
                endpoint: try message.string("endpoint"),
                credentials: AWSCredentials(accessKeyId: try credentials.string("accessKeyId"),
                                            secretAccessKey: try credentials.string("secretAccessKey"),
                                            sessionToken: try credentials.optionalString("sessionToken"))))
        case "run":
            guard let operation = FeedbackOperation(rawValue: try message.string("operation")) else {
                throw AdapterProtocolError("'operation' is not an operation name")
            }
            var parameters: [Member: String] = [:]
            for (key, value) in try message.object("parameters").members {
                guard let member = Member(wireName: key), case .string(let string) = value else {
                    throw AdapterProtocolError("'parameters' holds a key that is not a member, or a value that is not a string")
                }
                parameters[member] = string
            }
            let response = try message.object("response")
            let headers = try HeaderFields(jsonObject: try response.object("headers"))
            self = .run(RunCommand(id: try message.string("id"), operation: operation, parameters: parameters,
                                   response: WireResponse(status: try response.int("status"), headers: headers,
                                                      body: Array(try response.string("body").utf8))))
        case "stop":
            self = .stop
        default:
            throw AdapterProtocolError("'cmd' is not start, run or stop")
        }
    }
}

/// The `start` command: the protocol version and the client's settings.
public struct StartCommand: Sendable, Hashable {
    /// The protocol version the runner speaks (``AdapterCommand/protocolVersion``).
    public var version: Int
    /// The region to configure the client with.
    public var region: String
    /// The endpoint URL to configure the client with.
    public var endpoint: String
    /// Fake credentials to sign with; the runner verifies the signatures.
    public var credentials: AWSCredentials

    /// Creates a start command.
    public init(version: Int = AdapterCommand.protocolVersion, region: String, endpoint: String, credentials: AWSCredentials) {
        self.version = version
        self.region = region
        self.endpoint = endpoint
        self.credentials = credentials
    }
}

/// The `run` command: one case as the adapter sees it.
public struct RunCommand: Sendable, Hashable, CustomStringConvertible {
    /// The case id, echoed in the reply.
    public var id: String
    /// The operation to call.
    public var operation: FeedbackOperation
    /// The members to set; a member not present is left unset.
    public var parameters: [Member: String]
    /// The response to feed back to the client instead of a network call.
    public var response: WireResponse

    /// Creates a run command.
    public init(id: String, operation: FeedbackOperation, parameters: [Member: String], response: WireResponse) {
        self.id = id
        self.operation = operation
        self.parameters = parameters
        self.response = response
    }

    /// The case id only: parameters hold sensitive values.
    public var description: String { "run \(id)" }
}
