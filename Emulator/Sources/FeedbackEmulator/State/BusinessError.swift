/// A modelled error of a valid request: what the state says to it.
///
/// The messages are the emulator's: where no public capture shows the
/// service's wording, the README's table of business answers says so
/// (evidence `inferred`). None quotes a username or a token.
struct BusinessError: Error, Sendable {
    /// The answer: the error type (`UserNotFoundException`) as `__type`, and
    /// the message. Built once for each of the constants below.
    let answer: ErrorAnswer

    init(type: String, message: String) {
        answer = ErrorAnswer(type, message)
    }

    static func unknownPool(_ id: String) -> BusinessError {
        BusinessError(type: "ResourceNotFoundException", message: "User pool \(id) does not exist.")
    }
    static let unknownUser = BusinessError(type: "UserNotFoundException", message: "User does not exist.")
    static let unknownEvent = BusinessError(type: "ResourceNotFoundException", message: "Auth event not found.")
    static let wrongToken = BusinessError(type: "NotAuthorizedException", message: "Invalid feedback token.")
    static let advancedSecurityOff = BusinessError(
        type: "UserPoolAddOnNotEnabledException",
        message: "Advanced security features are not enabled for this user pool.")
}
