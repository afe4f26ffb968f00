import FeedbackRules
import FeedbackVectors

/// What each finding id means, in a few words, for reports and the matrix.
/// Ids are stable: an expectation file may name them (`Conformance/README.md`,
/// "Findings").
///
/// Most ids are fixed (`signs-optional-auth-operation`); a server's
/// validation findings are derived from the vector's expectation:
/// `skips-<member>-<constraint>-check` (the server got past validation where
/// the service reports that constraint), `answers-<got>-for-<expected>` (it
/// names another error type), `fails-on-invalid-request` (HTTP 5xx).
public enum FindingCatalog {
    /// The id of an implementation that lacks the operations.
    public static let notImplemented = "not-implemented"

    /// Short explanations of the fixed ids.
    public static let summaries: [String: String] = [
        notImplemented: "implements neither operation (the answer to an operation that does not exist)",
        "no-usable-answer": "no usable answer (connection, timeout, garbage, a crashed adapter)",
        "rejects-valid-request-locally": "client-side validation refuses a request the service accepts",
        "wrong-method": "the request is not a POST",
        "wrong-path": "the request path is not /",
        "wrong-target": "X-Amz-Target is missing or names another operation",
        "wrong-content-type": "Content-Type is not application/x-amz-json-1.1",
        "wrong-host": "the request goes to another host than the configured endpoint",
        "body-not-json-object": "the body is not a JSON object",
        "sends-unknown-member": "the body has a key that is not a member of the operation",
        "sends-unset-member": "the body has a member the caller did not set",
        "drops-member": "a member the caller set is missing from the body",
        "sends-member-as-non-string": "a string member is sent as another JSON type",
        "normalises-member-value": "a value is Unicode-normalised before sending",
        "trims-member-value": "white space is trimmed from a value",
        "changes-member-case": "the case of a value is changed",
        "changes-member-value": "a value is changed before sending",
        "signs-optional-auth-operation":
            "signs UpdateAuthEventFeedback, which the current model marks optional-auth: allowed, but it needs credentials the call does not",
        "admin-signature-invalid": "AdminUpdateAuthEventFeedback is unsigned or its SigV4 signature does not verify",
        "omits-session-token": "the session token is not sent in X-Amz-Security-Token",
        "surfaces-wrong-outcome": "surfaces success for an error answer, or an error for a success",
        "misreads-error-type": "the error type from the body's __type (the form Cognito sends) is not surfaced by its short name",
        "reads-error-type-only-from-type-member":
            "reads the error type only from the body's __type (a type only in X-Amzn-ErrorType or code is missed; Cognito always sends __type)",
        "misreads-namespaced-error-type": "a namespace#Type error type is not reduced to its short name (a form Cognito is not seen to send)",
        "misreads-suffixed-error-type": "a Type:http://internal... error type is not reduced to its short name (a form Cognito is not seen to send)",
        "echoes-sensitive-value": "an answer quotes a Username or FeedbackToken value (security)",
        "requires-authentication-for-optional-auth-operation": "refuses an unsigned UpdateAuthEventFeedback (the model marks it unauthenticated)",
        "rejects-valid-request": "answers a validation error to a request the service accepts",
        "fails-on-valid-request": "answers HTTP 5xx to a valid request",
        "fails-on-invalid-request": "answers HTTP 5xx where the service answers a 400",
        "accepts-invalid-request": "answers success where the service answers a 400",
        "answers-2xx-other-than-200": "answers a valid request with a 2xx other than 200",
        "unmodelled-error-type": "answers an error type the operation does not model",
        "error-type-only-in-header": "names the error type only in X-Amzn-ErrorType, not in the body's __type as Cognito does",
        "validation-message-differs": "the validation message differs from the service's (type and status right)",
        "lists-enum-in-other-order": "lists the enum values in another order than the expected [Valid, Invalid] (an inferred order)",
        "disagrees-with-vector": "the engine's report differs from the vector's expectation",
    ]

    /// The short explanation of `id`: the fixed one, or one derived from
    /// the shape of a derived id; `nil` when the id is unknown.
    public static func summary(of id: String) -> String? {
        if let fixed = summaries[id] { return fixed }
        if id.hasPrefix("skips-"), id.hasSuffix("-check") {
            let what = String(id.dropFirst("skips-".count).dropLast("-check".count).map { $0 == "-" ? " " : $0 })
            return "does not check the \(what) constraint the service enforces (answers past validation)"
        }
        if id.hasPrefix("answers-"), let split = id.firstRange(of: "-for-") {
            func words(_ part: Substring) -> String { String(part.map { $0 == "-" ? " " : $0 }) }
            return "answers " + words(id[id.index(id.startIndex, offsetBy: "answers-".count)..<split.lowerBound])
                + " where the service answers " + words(id[split.upperBound...])
        }
        return nil
    }

    /// `InvalidParameterException` as `invalid-parameter-exception`.
    public static func kebab(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if ("A"..."Z").contains(scalar) {
                if !out.isEmpty && out.last != "-" { out += "-" }
                out.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20)!)
            } else if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && out.last != "-" {
                out += "-"
            }
        }
        return out
    }
}

extension Vector {
    /// The severity of a deviation from this vector's expectation:
    /// `service` when the expectation is `documented` or `observed`,
    /// `inferred` when it rests on `indirect` evidence or the project's
    /// reasoning only (reported, never failed).
    public var expectationSeverity: Severity {
        switch evidence {
        case .documented, .observed: .service
        case .indirect, .inferred: .inferred
        }
    }
}
