/// One of the documented patterns, with a linear, allocation-free matcher.
///
/// Every pattern must match the **whole** value. Matching is done per Unicode
/// scalar without a regex engine; `\w` means ASCII `[A-Za-z0-9_]`, as in
/// `java.util.regex` and ECMA-262, which the service's patterns are written
/// for.
public enum Pattern: Sendable, Hashable, CaseIterable {
    /// `[\w-]+_[0-9a-zA-Z]+`: a region-like prefix, an underscore, and an
    /// alphanumeric suffix. `us-east-1_abc_def` matches (the prefix takes
    /// `us-east-1_abc`); `us-east-1_abc-def` does not.
    case userPoolId
    /// `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`: every scalar is a letter, mark, symbol,
    /// number or punctuation (no separators, controls, format characters,
    /// surrogates, private-use or unassigned scalars).
    case username
    /// `[\w+-]+`: ASCII letters, digits, `_`, `+` and `-`.
    case eventId
    /// `[A-Za-z0-9-_=.]+`: ASCII letters, digits, `-`, `_`, `=` and `.`.
    case feedbackToken

    /// The pattern exactly as the service model writes it, used in messages.
    public var source: String {
        switch self {
        case .userPoolId: #"[\w-]+_[0-9a-zA-Z]+"#
        case .username: #"[\p{L}\p{M}\p{S}\p{N}\p{P}]+"#
        case .eventId: #"[\w+-]+"#
        case .feedbackToken: #"[A-Za-z0-9-_=.]+"#
        }
    }

    /// Whether the whole of `value` matches the pattern.
    public func matches(_ value: String) -> Bool {
        scan(value).matches
    }

    /// Scans `value` once, returning its length in Unicode scalars and
    /// whether it matches. Linear in the value's UTF-8 length; allocates
    /// nothing for native strings.
    @inline(__always)
    public func scan(_ value: String) -> Scan {
        value.withUTF8Bytes { scan(utf8: $0) }
    }

    /// Scans well-formed UTF-8, as held by every Swift `String`: the
    /// only input it is given (``scan(_:)``). Not public: on malformed UTF-8
    /// (a multi-byte sequence cut at the end) the decoder would read past
    /// the buffer.
    @inline(__always)
    func scan(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        switch self {
        case .userPoolId: PatternScanner.userPoolId(bytes)
        case .username: PatternScanner.username(bytes)
        case .eventId: PatternScanner.ascii(bytes, EventIdCharacter.self)
        case .feedbackToken: PatternScanner.ascii(bytes, TokenCharacter.self)
        }
    }

    /// The result of scanning a value: its length and whether it matches.
    public struct Scan: Sendable, Hashable {
        /// The number of Unicode scalars in the value.
        public var scalarCount: Int
        /// Whether the whole value matches the pattern.
        public var matches: Bool
    }
}
