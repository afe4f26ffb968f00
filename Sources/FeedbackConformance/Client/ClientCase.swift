import FeedbackRules
import FeedbackVectors
import FeedbackWire

/// One case of a client conformance run: parameters for a client to build a
/// request from, the canned response to feed back, and what the client must
/// surface for it.
///
/// ```swift
/// let library = try VectorLibrary.load()
/// let cases = ClientCase.cases(for: library.vectors(for: .client))  // vectors, then answer cases
/// for item in cases {
///     let outcome = myAdapter(item.operation, item.parameters, item.response)
///     let result = ClientJudge(credentials: credentials).judge(outcome, of: item)
/// }
/// ```
public struct ClientCase: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// The vector id, or `answer.<ErrorType>.<form>.<update|admin>`.
    public let id: String
    /// The operation to call.
    public let operation: FeedbackOperation
    /// The value of each member given to the client; a member not in the
    /// dictionary is absent (not set).
    public let parameters: [Member: String]
    /// The response the adapter feeds back to the client instead of calling
    /// the service.
    public let response: WireResponse
    /// What the client must surface for ``response``.
    public let surfaces: Surfaced
    /// What the service would make of the parameters: a local rejection is
    /// wrong only for `valid`.
    public let result: Vector.Result
    /// For an answer case, the form in which ``response`` names the error;
    /// `nil` for a vector's case (its error, if any, is in `__type`, as
    /// Cognito sends it).
    public let form: ErrorForm?
    /// The severity of a deviation from ``result`` (a valid request rejected
    /// locally): `service`, or `inferred` when the vector's expectation
    /// rests on indirect evidence or reasoning only.
    public let expectationSeverity: Severity

    /// Creates a case.
    public init(id: String, operation: FeedbackOperation, parameters: [Member: String], response: WireResponse,
                surfaces: Surfaced, result: Vector.Result, form: ErrorForm? = nil,
                expectationSeverity: Severity = .service) {
        self.id = id
        self.operation = operation
        self.parameters = parameters
        self.response = response
        self.surfaces = surfaces
        self.result = result
        self.form = form
        self.expectationSeverity = expectationSeverity
    }

    /// The case for a client vector, or `nil` when the vector's body is not
    /// one a client can be given (no body, a member that is not a string,
    /// or a key that is not one of the operation's members).
    ///
    /// A vector that a valid answer conforms to (valid, or acceptable
    /// allowing valid) is answered `200 {}` and must surface success;
    /// any other is answered with its expected error (status 400, `__type`
    /// and message) and must surface that error type.
    public init?(vector: Vector) {
        guard let body = vector.body else { return nil }
        var parameters: [Member: String] = [:]
        for (key, value) in body.members {
            guard let member = Member(wireName: key), vector.operation.members.contains(member) else { return nil }
            switch value {
            case .string(let string): parameters[member] = string
            case .null: continue
            default: return nil
            }
        }
        let response: WireResponse, surfaces: Surfaced
        if !vector.allowsValidAnswer, let expected = vector.expected {
            response = .error(expected.errorType.rawValue, status: 400, message: expected.message ?? "")
            surfaces = .error(expected.errorType.rawValue)
        } else {
            response = .success
            surfaces = .success
        }
        self.init(id: vector.id, operation: vector.operation, parameters: parameters, response: response,
                  surfaces: surfaces, result: vector.result, expectationSeverity: vector.expectationSeverity)
    }

    /// The cases of a client run: one per vector a client can be given, in
    /// order, then (when `answers`) every ``answerCases`` case.
    public static func cases(for vectors: [Vector], answers: Bool = true) -> [ClientCase] {
        vectors.compactMap(ClientCase.init(vector:)) + (answers ? answerCases : [])
    }

    /// The parameters as a request body's members.
    public var body: RequestBody {
        RequestBody(members: Dictionary(uniqueKeysWithValues: parameters.map { ($0.key.wireName, JSONValue.string($0.value)) }))
    }

    /// The case's id: no parameter value appears in test output.
    public var description: String { id }
}

extension WireResponse {
    /// `200 {}` with the awsJson1.1 content type: a successful call.
    public static let success = WireResponse(
        status: 200, headers: ["Content-Type": FeedbackOperation.contentType, "x-amzn-RequestId": ClientCase.requestId],
        body: Array("{}".utf8))

    /// An error response whose body names `type` in `__type`, with `message`.
    public static func error(_ type: String, status: Int, message: String) -> WireResponse {
        let body = JSONValue.object(["__type": .string(type), "message": .string(message)])
        return WireResponse(
            status: status, headers: ["Content-Type": FeedbackOperation.contentType, "x-amzn-RequestId": ClientCase.requestId],
            body: body.jsonText)
    }
}

extension ClientCase {
    /// The request id every canned response carries (clients log it).
    public static let requestId = "00000000-0000-4000-8000-000000000000"
}

extension RunCommand {
    /// The command that gives `item` to an adapter.
    public init(_ item: ClientCase) {
        self.init(id: item.id, operation: item.operation, parameters: item.parameters, response: item.response)
    }
}
