import FeedbackRules
import FeedbackWire

/// The ways an awsJson1.1 service can name an error type. Every client must
/// reduce each to the short shape name (`ErrorTypes.sanitize(_:)`).
///
/// | form | where the type is | example |
/// |---|---|---|
/// | `plain` | body `__type` | `UserNotFoundException` |
/// | `namespaced` | body `__type` | `com.amazonaws.cognitoidentityprovider#UserNotFoundException` |
/// | `suffixed` | body `__type` | `UserNotFoundException:http://internal.amazon.com/coral/com.amazonaws.cognitoidentityprovider/` |
/// | `namespaced-suffixed` | body `__type` | `aws.cognito#UserNotFoundException:http://internal.amazon.com/coral/...` |
/// | `header` | `X-Amzn-ErrorType` header; body has no `__type` | `UserNotFoundException:http://internal.amazon.com/coral/...` |
/// | `code` | body `code`; no `__type` | `UserNotFoundException` |
///
/// Sources: the Smithy awsJson1_1 protocol tests (`AwsJson11FooError*`),
/// smithy-rs `sanitize_error_code`.
public enum ErrorForm: String, Sendable, Hashable, CaseIterable {
    /// `__type` holds the short name.
    case plain
    /// `__type` holds the name after a Smithy namespace and `#`.
    case namespaced
    /// `__type` holds the name followed by `:` and a Coral URL.
    case suffixed
    /// `__type` holds a namespace, the name and a Coral URL.
    case namespacedSuffixed = "namespaced-suffixed"
    /// Only the `X-Amzn-ErrorType` header names it (with a Coral URL).
    case header
    /// Only the body's `code` member names it.
    case code

    /// The suffix Coral services append after a `:`.
    static let suffix = ":http://internal.amazon.com/coral/com.amazonaws.cognitoidentityprovider/"

    /// How this form writes the error type `type` on the wire.
    public func wireName(_ type: String) -> String {
        switch self {
        case .plain, .code: type
        case .namespaced: "com.amazonaws.cognitoidentityprovider#" + type
        case .suffixed, .header: type + Self.suffix
        case .namespacedSuffixed: "aws.cognito#" + type + Self.suffix
        }
    }

    /// The response naming `type` in this form, with `status`.
    public func response(_ type: String, status: Int) -> WireResponse {
        let message = JSONValue.string("A canned \(type) answer from the conformance runner")
        var headers: HeaderFields = ["Content-Type": FeedbackOperation.contentType, "x-amzn-RequestId": ClientCase.requestId]
        var body: [String: JSONValue] = ["message": message]
        switch self {
        case .plain, .namespaced, .suffixed, .namespacedSuffixed: body["__type"] = .string(wireName(type))
        case .header: headers.append("X-Amzn-ErrorType", wireName(type))
        case .code: body["code"] = .string(wireName(type))
        }
        return WireResponse(status: status, headers: headers, body: JSONValue.object(body).jsonText)
    }
}

extension ClientCase {
    /// A valid parameter set per operation, for the answer cases.
    public static func validParameters(for operation: FeedbackOperation) -> [Member: String] {
        var parameters: [Member: String] = [
            .userPoolId: "us-east-1_EXAMPLE1", .username: "feedback-user-7",
            .eventId: "9f3c2e1a-4b5d-4e6f-8a7b-0c1d2e3f4a5b", .feedbackValue: "Invalid",
        ]
        if operation == .updateAuthEventFeedback { parameters[.feedbackToken] = "AYADeGV4YW1wbGU.c2lnbmF0dXJl-_=" }
        return parameters
    }

    /// Every modelled error (`ErrorTypes.modelled`, with its status) in
    /// every ``ErrorForm``, for both operations: a valid request answered
    /// with the error, which the client must surface by its short name.
    /// Ids: `answer.<ErrorType>.<form>.<update|admin>`.
    public static let answerCases: [ClientCase] = ErrorTypes.modelled.flatMap { modelled in
        ErrorForm.allCases.flatMap { form in
            FeedbackOperation.allCases.map { operation in
                ClientCase(
                    id: "answer.\(modelled.name).\(form.rawValue).\(operation == .updateAuthEventFeedback ? "update" : "admin")",
                    operation: operation, parameters: validParameters(for: operation),
                    response: form.response(modelled.name, status: modelled.status),
                    surfaces: .error(modelled.name), result: .valid, form: form)
            }
        }
    }
}
