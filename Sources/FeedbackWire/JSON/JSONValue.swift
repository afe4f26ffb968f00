/// A JSON value, as found in a request body, an answer, an adapter's line
/// or a vector file.
///
/// ```swift
/// let value = try JSONValue(parsing: Array(#"{"a":[1,"x",null]}"#.utf8))
/// value.jsonText  // the compact text again (keys sorted)
/// ```
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Reads one JSON text, strictly (RFC 8259; see `JSONReader` for the
    /// decisions on byte order marks, duplicate keys and depth).
    /// - Throws: ``JSONError``, which never quotes the input.
    public init(parsing bytes: some Sequence<UInt8>) throws(JSONError) {
        self = try Self.withBuffer(bytes) { buffer throws(JSONError) in try JSONReader.parse(buffer) }
    }

    /// Reads one JSON text that must be an object, keeping only the
    /// top-level members named in `keys` when given: every other member is
    /// checked for syntax and dropped, and a kept member's array or object
    /// is kept by its type alone (empty), so memory stays bounded by the
    /// kept members' values, whatever else the text holds.
    /// - Throws: ``JSONError`` (``JSONError/Reason/notObject`` for another value).
    public static func object(parsing bytes: some Sequence<UInt8>, keepingOnly keys: Set<String>? = nil)
        throws(JSONError) -> [String: JSONValue]
    {
        guard let keys else {
            guard case .object(let members) = try JSONValue(parsing: bytes) else { throw JSONError(.notObject, at: 0) }
            return members
        }
        let table = MemberKeys(Array(keys))
        return try withBuffer(bytes) { buffer throws(JSONError) in
            try JSONReader.parseObject(buffer, keeping: table)
        }.dictionary(names: table.names)
    }

    /// Runs `body` on `bytes` as one contiguous buffer (copied only when
    /// the sequence has no contiguous storage).
    package static func withBuffer<Result>(_ bytes: some Sequence<UInt8>,
                                           _ body: (UnsafeBufferPointer<UInt8>) throws(JSONError) -> Result)
        throws(JSONError) -> Result
    {
        let outcome = bytes.withContiguousStorageIfAvailable { buffer in
            Swift.Result { () throws(JSONError) in try body(buffer) }
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            Swift.Result { () throws(JSONError) in try body(buffer) }
        }
        return try outcome.get()
    }

    /// The value as compact JSON text in UTF-8 (see ``JSONWriter``).
    public var jsonText: [UInt8] {
        JSONWriter().text(self)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// The value with `transform` applied to every string in it (object
    /// keys excepted).
    public func mappingStrings(_ transform: (String) -> String) -> JSONValue {
        switch self {
        case .string(let string): .string(transform(string))
        case .array(let values): .array(values.map { $0.mappingStrings(transform) })
        case .object(let members): .object(members.mapValues { $0.mappingStrings(transform) })
        case .null, .bool, .number: self
        }
    }

    /// A number from an integer.
    public static func integer(_ value: Int) -> JSONValue { .number(Double(value)) }

    /// `.string(value)`, or `.null` when `value` is `nil`.
    public static func nullable(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
}
