/// HTTP header fields in the order given, duplicates kept; names compare
/// ASCII case-insensitively.
///
/// A plain list, not swift-http-types' `HeaderFields` (which it does not try
/// to be): the judges need to see every field exactly as a peer wrote it.
public struct HeaderFields: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// Each field as received or to be sent.
    public var fields: [Field]

    /// One header field.
    public struct Field: Sendable, Hashable, Codable {
        /// The field name as written (`X-Amz-Target`).
        public var name: String
        /// The field value.
        public var value: String

        /// Creates a field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates fields, in order.
    public init(_ fields: [Field] = []) { self.fields = fields }

    /// `["Content-Type": "application/x-amz-json-1.1"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The value of the first field named `name` (any case), if any.
    public subscript(name: String) -> String? {
        fields.first { $0.name.isSameFieldName(as: name) }?.value
    }

    /// Every value of the fields named `name` (any case).
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.isSameFieldName(as: name) }.map(\.value)
    }

    /// Appends a field.
    public mutating func append(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Removes every field named `name` (any case).
    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name.isSameFieldName(as: name) }
    }
}

extension String {
    /// Whether two field names are equal, ASCII case ignored.
    func isSameFieldName(as other: String) -> Bool {
        utf8.elementsEqual(other.utf8) { a, b in
            a == b || (a | 0x20 == b | 0x20 && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(a | 0x20))
        }
    }

    /// Without leading and trailing ASCII white space (space, tab, CR, LF),
    /// trimmed as bytes. HTTP's optional white space, and what a client
    /// that "trims" a value usually removes.
    public var trimmingASCIIWhitespace: String {
        String(Substring(ASCIIWhitespace.trimmed(utf8)))
    }
}

/// ASCII white space as HTTP's optional white space is trimmed: space, tab,
/// CR, LF; the one statement of it for strings and bytes.
package enum ASCIIWhitespace {
    package static func contains(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// `bytes` without ASCII white space at either end.
    package static func trimmed<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bytes.SubSequence {
        guard let first = bytes.firstIndex(where: { !contains($0) }), let last = bytes.lastIndex(where: { !contains($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }
}
