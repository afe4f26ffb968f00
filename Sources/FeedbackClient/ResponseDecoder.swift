import FeedbackWire

/// This project's Swift client decoder: an awsJson1.1 response to success,
/// or to the service error it names.
///
/// ```swift
/// try ResponseDecoder.decode(WireResponse(status: 200, body: Array("{}".utf8)))   // returns
/// try ResponseDecoder.decode(WireResponse(status: 400, headers: ["X-Amzn-ErrorType": "UserNotFoundException:http://x/"],
///                                         body: Array("{}".utf8)))               // throws, type "UserNotFoundException"
/// ```
public enum ResponseDecoder {
    /// Returns for a 2xx status (both operations answer `{}`).
    /// - Throws: ``ServiceErrorResponse`` with the error type reduced to its
    ///   short name (`WireResponse.errorType`), or
    ///   ``ServiceErrorResponse/unknownType`` when the response names none.
    public static func decode(_ response: WireResponse) throws(ServiceErrorResponse) {
        guard response.statusKind == .successful else {
            throw ServiceErrorResponse(type: response.errorType ?? ServiceErrorResponse.unknownType, status: response.status)
        }
    }
}

/// An error the service answered with.
public struct ServiceErrorResponse: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error type's short name, e.g. `UserNotFoundException`.
    public var type: String
    /// The HTTP status.
    public var status: Int

    /// The type used when an error response names none.
    public static let unknownType = "UnknownError"

    /// `UserNotFoundException (HTTP 400)`.
    public var description: String { "\(type) (HTTP \(status))" }
}
