/// Why bytes are not the JSON the reader wants, and where it noticed.
///
/// Descriptions never quote the input (it may hold a username):
/// `not valid JSON (at byte 17)`. ``location(in:)`` turns the offset into a
/// line and column for people.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let reason: Reason
    /// The offset of the byte where the reader noticed, from 0.
    public let offset: Int

    /// The ways JSON text can be unusable.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Nothing but white space.
        case empty
        /// The bytes are not well-formed UTF-8.
        case notUTF8
        /// The text is not JSON (RFC 8259, strict): a stray character, a
        /// trailing comma, a comment, single quotes, an unterminated value...
        case syntax
        /// Objects and arrays are nested deeper than `JSONReader.maximumDepth`.
        case tooDeep
        /// A `\uD800`-style escape without its partner, in a value that must
        /// be read as text: no Swift string can hold it.
        case loneSurrogate
        /// Well-formed JSON, but not an object where one is required.
        case notObject

        /// What it means, without position.
        public var phrase: String {
            switch self {
            case .empty: "empty"
            case .notUTF8: "not valid UTF-8"
            case .syntax: "not valid JSON"
            case .tooDeep: "nested more than \(JSONReader.maximumDepth) levels deep"
            case .loneSurrogate: "a lone UTF-16 surrogate escape, which cannot be judged here"
            case .notObject: "not a JSON object"
            }
        }
    }

    /// An error of `reason` noticed at byte `offset`.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// `not valid JSON (at byte 17)`; `empty`; `not a JSON object`.
    public var description: String {
        switch reason {
        case .empty, .notObject: reason.phrase
        default: "\(reason.phrase) (at byte \(offset))"
        }
    }

    /// The 1-based line and column (in Unicode scalars) of ``offset`` in
    /// `bytes`, the text the error is about: lines end at LF.
    public func location(in bytes: some Collection<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1, position = 0
        for byte in bytes {
            if position == offset { break }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        return (line, column)
    }
}
