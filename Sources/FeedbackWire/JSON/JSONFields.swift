/// The members of one JSON object in a document, read by name with their
/// types checked: the one field reader of the project's documents (vectors,
/// expectation files, recordings, adapter lines). Every error names the
/// document, the field's path and what was expected, never a value.
///
/// ```swift
/// let fields = try JSONFields(parsing: bytes, document: "flags.json")
/// let name = try fields.string("name")                 // a string, required
/// let note = try fields.optionalString("note")         // missing or null: nil
/// let tests = try fields.array("tests") { try $0.object() }   // "tests[3]: expected an object"
/// ```
package struct JSONFields: Sendable {
    /// The object's members.
    package let members: [String: JSONValue]
    /// The document, as errors name it (a file, `line 3`).
    package let document: String
    /// Where the object is in the document (`tests[3].expected`); empty at
    /// the top.
    package let path: String

    /// The fields of `value`, which must be an object.
    /// - Throws: ``JSONFieldError`` when it is not.
    package init(_ value: JSONValue, document: String, path: String = "") throws(JSONFieldError) {
        guard case .object(let members) = value else { throw JSONFieldError(document: document, path: path, expected: "an object") }
        self.members = members
        self.document = document
        self.path = path
    }

    /// The fields of an object's `members`.
    package init(members: [String: JSONValue], document: String, path: String = "") {
        self.members = members
        self.document = document
        self.path = path
    }

    /// The fields of the JSON text `bytes`, which must be an object (read
    /// by ``JSONValue/init(parsing:)``).
    /// - Throws: ``JSONFieldError``: the text is not JSON (its error as
    ///   `expected`) or not an object.
    package init(parsing bytes: some Sequence<UInt8>, document: String) throws(JSONFieldError) {
        let value: JSONValue
        do { value = try JSONValue(parsing: bytes) } catch {
            throw JSONFieldError(document: document, path: "", expected: "JSON (\(error))")
        }
        try self.init(value, document: document)
    }

    /// The path of the member `key`.
    package func path(of key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    /// The error for the member `key`: `expected` is what it should be.
    package func error(_ key: String, expected: String) -> JSONFieldError {
        JSONFieldError(document: document, path: path(of: key), expected: expected)
    }

    /// Whether `key` is present (`null` included).
    package func contains(_ key: String) -> Bool { members[key] != nil }

    // MARK: Required members

    /// The string member `key`.
    package func string(_ key: String) throws(JSONFieldError) -> String {
        guard case .string(let value)? = members[key] else { throw error(key, expected: "a string") }
        return value
    }

    /// The member `key`, a string that is one of `Value`'s raw values.
    package func value<Value: RawRepresentable>(_ key: String, as type: Value.Type = Value.self) throws(JSONFieldError) -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: try string(key)) else { throw error(key, expected: "one of the values the format lists") }
        return value
    }

    /// The integer member `key` (a number with no fraction, of magnitude
    /// under 2^53).
    package func int(_ key: String) throws(JSONFieldError) -> Int {
        guard case .number(let value)? = members[key], let int = Self.integer(value) else { throw error(key, expected: "an integer") }
        return int
    }

    /// The number member `key`.
    package func double(_ key: String) throws(JSONFieldError) -> Double {
        guard case .number(let value)? = members[key] else { throw error(key, expected: "a number") }
        return value
    }

    /// The Boolean member `key`.
    package func bool(_ key: String) throws(JSONFieldError) -> Bool {
        guard case .bool(let value)? = members[key] else { throw error(key, expected: "true or false") }
        return value
    }

    /// The object member `key`.
    package func object(_ key: String) throws(JSONFieldError) -> JSONFields {
        guard let value = members[key] else { throw error(key, expected: "an object") }
        return try JSONFields(value, document: document, path: path(of: key))
    }

    /// The array member `key`, each element read by `element` (given the
    /// element and its path, `key[index]`).
    package func array<Element>(_ key: String, _ element: (JSONElement) throws(JSONFieldError) -> Element)
        throws(JSONFieldError) -> [Element]
    {
        guard case .array(let values)? = members[key] else { throw error(key, expected: "an array") }
        let arrayPath = path(of: key)
        var elements: [Element] = []
        elements.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            elements.append(try element(JSONElement(value: value, document: document, arrayPath: arrayPath, index: index)))
        }
        return elements
    }

    /// The array of strings `key`.
    package func strings(_ key: String) throws(JSONFieldError) -> [String] {
        try array(key) { element throws(JSONFieldError) in try element.string() }
    }

    /// The object member `key` whose members are all strings.
    package func stringMap(_ key: String) throws(JSONFieldError) -> [String: String] {
        let object = try object(key)
        var map: [String: String] = [:]
        for name in object.members.keys { map[name] = try object.string(name) }
        return map
    }

    // MARK: Optional members (missing or null)

    /// The member `key` read by `read`, or `nil` when it is missing or `null`.
    package func optional<Value>(_ key: String, _ read: (JSONFields, String) throws(JSONFieldError) -> Value)
        throws(JSONFieldError) -> Value?
    {
        switch members[key] {
        case nil, .null?: nil
        default: try read(self, key)
        }
    }

    /// The string member `key`, or `nil` when it is missing or `null`.
    package func optionalString(_ key: String) throws(JSONFieldError) -> String? {
        try optional(key) { fields, key throws(JSONFieldError) in try fields.string(key) }
    }

    /// The integer member `key`, or `nil` when it is missing or `null`.
    package func optionalInt(_ key: String) throws(JSONFieldError) -> Int? {
        try optional(key) { fields, key throws(JSONFieldError) in try fields.int(key) }
    }

    /// The Boolean member `key`, or `nil` when it is missing or `null`.
    package func optionalBool(_ key: String) throws(JSONFieldError) -> Bool? {
        try optional(key) { fields, key throws(JSONFieldError) in try fields.bool(key) }
    }

    /// The object member `key`, or `nil` when it is missing or `null`.
    package func optionalObject(_ key: String) throws(JSONFieldError) -> JSONFields? {
        try optional(key) { fields, key throws(JSONFieldError) in try fields.object(key) }
    }

    /// `value` as an `Int` when it is an integer of magnitude under 2^53.
    static func integer(_ value: Double) -> Int? {
        value.rounded() == value && abs(value) < 9_007_199_254_740_992 ? Int(value) : nil
    }
}

/// One element of an array in a document, with its path
/// (``JSONFields/array(_:_:)``).
package struct JSONElement: Sendable {
    /// The element.
    package let value: JSONValue
    /// The document, as errors name it.
    package let document: String
    /// The path of the array holding the element (`tests`).
    let arrayPath: String
    /// The element's index in its array.
    let index: Int

    /// Where the element is (`tests[3]`): written only when asked for, as
    /// most elements are read without an error.
    package var path: String { arrayPath + "[\(index)]" }

    /// The error for this element: `expected` is what it should be.
    package func error(expected: String) -> JSONFieldError {
        JSONFieldError(document: document, path: path, expected: expected)
    }

    /// The element as a string.
    package func string() throws(JSONFieldError) -> String {
        guard case .string(let value) = value else { throw error(expected: "a string") }
        return value
    }

    /// The element as a string that is one of `Value`'s raw values.
    package func value<Value: RawRepresentable>(as type: Value.Type = Value.self) throws(JSONFieldError) -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: try string()) else { throw error(expected: "one of the values the format lists") }
        return value
    }

    /// The element as an object's fields.
    package func object() throws(JSONFieldError) -> JSONFields {
        try JSONFields(value, document: document, path: path)
    }
}

/// A document that is not the format it should be: where, and what was
/// expected there. It never quotes the document.
package struct JSONFieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The document (a file, a line).
    package var document: String
    /// The field's path (`tests[3].expected.violations[0].member`); empty
    /// for the document itself.
    package var path: String
    /// What the field should be (`a string`, `an object`).
    package var expected: String

    /// Creates an error.
    package init(document: String, path: String, expected: String) {
        self.document = document
        self.path = path
        self.expected = expected
    }

    /// `tests[3].result: expected one of the values the format lists`:
    /// the error without the document's name.
    package var reason: String {
        "\(path.isEmpty ? "the document" : path): expected \(expected)"
    }

    /// `tests.json: tests[3].result: expected one of the values the format lists`.
    package var description: String {
        "\(document): \(reason)"
    }
}

/// A document type read from JSON through ``JSONFields``; its writing
/// (``JSONWritable``) sits next to its reading, in the same file.
package protocol JSONReadable {
    /// Reads the value from its object's fields.
    /// - Throws: ``JSONFieldError`` naming the field at fault.
    init(json fields: JSONFields) throws(JSONFieldError)
}

/// A document type written as JSON, with the keys its reading reads.
package protocol JSONWritable {
    /// The value as JSON.
    var jsonValue: JSONValue { get }
}
