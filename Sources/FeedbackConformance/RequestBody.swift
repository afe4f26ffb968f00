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

    /// Parses a body from its bytes, strictly (RFC 8259; see `JSONParser`
    /// for the decisions on byte order marks, duplicate keys and depth).
    ///
    /// The bytes must be UTF-8 and hold one JSON object. With a duplicate
    /// key the last value wins, as in Jackson-based services.
    ///
    /// - Parameter keys: when given, only these top-level members are kept;
    ///   any other value, and the contents of nested arrays and objects, is
    ///   checked for syntax and kept by its JSON type alone (an empty
    ///   string, array or object, or 0). Judging needs no more
    ///   (``memberKeys``), and memory then stays bounded by the members'
    ///   own values however large or deep the rest of a hostile body is.
    /// - Throws: ``BodyError``, which never quotes the input.
    public init(json bytes: some ContiguousBytes, keepingOnly keys: Set<String>? = nil) throws(BodyError) {
        let parsed = bytes.withUnsafeBytes { raw in
            Result { () throws(BodyError) in try JSONParser.parse(raw.bindMemory(to: UInt8.self), keeping: keys) }
        }
        guard case .object(let members) = try parsed.get() else { throw .notObject }
        self.members = members
    }

    /// The wire names of every member of either operation: what judging a
    /// body needs kept (see ``init(json:keepingOnly:)``).
    public static let memberKeys: Set<String> = Set(Member.allCases.map(\.wireName))

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
    /// Objects and arrays are nested deeper than the parser accepts (512).
    case tooDeep
    /// A `\uD800`-style escape has no partner: no Swift string can hold it.
    case loneSurrogate

    public var description: String {
        switch self {
        case .empty: "the body is empty"
        case .notUTF8: "the body is not valid UTF-8"
        case .notJSON: "the body is not valid JSON"
        case .notObject: "the body is not a JSON object"
        case .tooDeep: "the body is nested more than 512 levels deep"
        case .loneSurrogate: "the body holds a lone UTF-16 surrogate escape, which cannot be judged here"
        }
    }
}

extension FeedbackOperation {
    /// Judges a wire body: `null` counts as absent, a non-string value is a
    /// `SerializationException`, unknown keys are ignored.
    public func validate(_ body: RequestBody) -> ValidationReport {
        validate { body[$0] }
    }

    /// This project's engine on a body's bytes: the report, or the
    /// ``BodyError`` for which ``RequestBody/init(json:keepingOnly:)``
    /// refuses them (judge it with `Vector.mismatch(_:)`).
    public func answer(json bytes: some ContiguousBytes) -> EngineAnswer {
        do throws(BodyError) {
            return .report(validate(try RequestBody(json: bytes, keepingOnly: RequestBody.memberKeys)))
        } catch {
            return .refused(error)
        }
    }
}
