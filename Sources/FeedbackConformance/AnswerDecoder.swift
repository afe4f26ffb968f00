/// This project's Swift client decoder: an awsJson1.1 answer to what the
/// client surfaces.
///
/// ```swift
/// AnswerDecoder.decode(WireAnswer(status: 200, body: Array("{}".utf8)))  // .success
/// AnswerDecoder.decode(WireAnswer(status: 400, headers: ["X-Amzn-ErrorType": "UserNotFoundException:http://x/"],
///                                 body: Array("{}".utf8)))               // .error("UserNotFoundException")
/// ```
public enum AnswerDecoder {
    /// The error type used when an error answer names none.
    public static let unknownError = "UnknownError"

    /// `.success` for a 2xx status; otherwise the error type reduced to its
    /// short name (``WireAnswer/errorType``), or ``unknownError``.
    public static func decode(_ answer: WireAnswer) -> Surfaced {
        if (200..<300).contains(answer.status) { return .success }
        return .error(answer.errorType ?? unknownError)
    }
}
