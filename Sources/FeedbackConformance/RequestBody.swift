import Foundation
import FeedbackRules

/// A request body as sent on the wire: a JSON object keyed by wire names.
///
/// ```swift
/// let body = try RequestBody(json: Data(#"{"UserPoolId": "us-east-1_abc", "Username": null}"#.utf8))
/// let report = FeedbackOperation.adminUpdateAuthEventFeedback.validate(body)
/// report.violations.map(\.kind)  // [.required, .required, .required]
/// ```
///
/// Its descriptions and mirror show `Username` and `FeedbackToken` as
/// `<redacted>`.
public struct RequestBody: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The body's members by wire name (`UserPoolId`), unknown keys included.
    public var members: [String: JSONValue]

    /// Wraps decoded members.
    public init(members: [String: JSONValue]) {
        self.members = members
    }

    /// Parses a body from its bytes.
    ///
    /// The bytes must be UTF-8 and hold one JSON object. With a duplicate
    /// key the last value wins, as in Foundation's `JSONSerialization` and
    /// Jackson-based services.
    /// - Throws: ``BodyError``, which never quotes the input.
    public init(json bytes: Data) throws(BodyError) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { throw .empty }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .notUTF8 }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) }
        catch { throw .notJSON }
        guard case .object(let members) = JSONValue(foundation: parsed) else { throw .notObject }
        self.members = members
    }

    /// `RequestBody(EventId: "e1", Username: <redacted>, …)`, keys sorted.
    public var description: String {
        "RequestBody(" + members.keys.sorted().map { "\($0): \(shown($0))" }.joined(separator: ", ") + ")"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror whose sensitive children read `<redacted>`.
    public var customMirror: Mirror {
        Mirror(self, children: members.keys.sorted().map { (label: $0, value: shown($0) as Any) }, displayStyle: .dictionary)
    }

    private func shown(_ key: String) -> String {
        guard let value = members[key] else { return "nil" }
        guard let member = Member(rawValue: key) else { return "\(value)" }
        if case .string(let string) = value { return member.displayed(string) }
        return member.isSensitive && value != .null ? "<redacted>" : "\(value)"
    }

    /// What the body holds for `member`.
    public subscript(member: Member) -> MemberValue {
        members[member.wireName]?.memberValue ?? .absent
    }
}

/// Why a body cannot be judged at all. Descriptions never quote the input.
public enum BodyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but white space.
    case empty
    /// The bytes are not well-formed UTF-8.
    case notUTF8
    /// The text is not JSON.
    case notJSON
    /// The JSON is not an object.
    case notObject

    public var description: String {
        switch self {
        case .empty: "the body is empty"
        case .notUTF8: "the body is not valid UTF-8"
        case .notJSON: "the body is not valid JSON"
        case .notObject: "the body is not a JSON object"
        }
    }
}

extension FeedbackOperation {
    /// Judges a wire body: `null` counts as absent, a non-string value is a
    /// `SerializationException`, unknown keys are ignored.
    public func validate(_ body: RequestBody) -> ValidationReport {
        validate { body[$0] }
    }
}
