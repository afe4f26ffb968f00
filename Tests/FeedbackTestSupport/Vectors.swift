import FeedbackVectors
import Testing

/// The vectors, loaded once for every suite.
///
/// Every selection throws when the library did not load or when it selects
/// nothing: a parameterized test whose `arguments:` are empty is reported
/// as skipped, not failed (swiftlang/swift-testing#572), while one whose
/// `arguments:` expression throws fails (swiftlang/swift-testing#366). So
/// tests take their cases as `arguments: try Vectors.for(.rules)`, never
/// from an optional library.
public enum Vectors {
    /// The library, or why it did not load.
    public static let loaded = Result { try VectorLibrary.load() }
    /// The library, if it loaded (for code that reports its absence itself).
    public static var library: VectorLibrary? { try? loaded.get() }

    /// Why a selection of vectors gives a test no cases.
    public struct EmptySelection: Error, CustomStringConvertible {
        public let description: String
    }

    /// The vectors of the library that `isSelected` keeps, `described` in
    /// the error thrown when there are none.
    public static func selected(_ described: String, _ isSelected: (Vector) -> Bool) throws -> [Vector] {
        try loaded.get().vectors.selecting(described, isSelected)
    }

    /// The vectors for `audience` but the `LargeValue` ones (1 MiB tokens: a
    /// debug build takes about a second to judge each, so the suites that
    /// check every vector several ways take them once, in ``largeValues()``).
    public static func `for`(_ audience: Vector.Audience) throws -> [Vector] {
        let largeValue = try flag("LargeValue")
        return try selected("for \(audience)") { $0.appliesTo.contains(audience) && !$0.flags.contains(largeValue) }
    }

    /// The `LargeValue` vectors (`vectors/large-values.json`).
    public static func largeValues() throws -> [Vector] { try flagged("LargeValue") }

    /// The vectors flagged `name`, a flag `vectors/flags.json` defines: a
    /// renamed or removed flag throws instead of selecting nothing.
    public static func flagged(_ name: String) throws -> [Vector] {
        let flag = try flag(name)
        return try selected("flagged \(name)") { $0.flags.contains(flag) }
    }

    /// `name`, checked against the flags `vectors/flags.json` defines.
    public static func flag(_ name: String) throws -> String {
        guard try loaded.get().flags[name] != nil else {
            throw EmptySelection(description: "no flag \(name) in vectors/flags.json")
        }
        return name
    }

    /// The vector with `id`.
    public static func named(_ id: String) -> Vector? { library?.vector(id: id) }
}

extension Array where Element == Vector {
    /// Runs `check` on each vector, inside one test: a passing run prints
    /// one line for all of them, where a test parameterized over the
    /// vectors prints one per vector (thousands in a `swift test`). A
    /// failure still names its vector: an error `check` throws is recorded
    /// with the vector's id, and each `#expect` and `#require` in `check`
    /// names it in its comment.
    public func check(_ check: (Vector) throws -> Void) {
        for vector in self {
            do { try check(vector) } catch is ExpectationFailedError {
                // A failed #require: recorded already, with its comment.
            } catch {
                Issue.record(error, "\(vector.id)")
            }
        }
    }

    /// The vectors `isSelected` keeps, or an error naming the empty
    /// selection `described` (see ``Vectors``).
    public func selecting(_ described: String, _ isSelected: (Vector) -> Bool) throws -> [Vector] {
        let vectors = filter(isSelected)
        guard !vectors.isEmpty else { throw Vectors.EmptySelection(description: "no vectors \(described)") }
        return vectors
    }
}

// Test results name a vector or case by its id only: small, stable, and
// free of the sensitive values its body holds.
extension Vector: CustomTestArgumentEncodable {
    public func encodeTestArgument(to encoder: some Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}

extension Array where Element == UInt8 {
    /// Whether `other` occurs in these bytes.
    public func contains(_ other: [UInt8]) -> Bool {
        guard !other.isEmpty else { return true }
        guard count >= other.count else { return false }
        return (0...(count - other.count)).contains { self[$0..<$0 + other.count].elementsEqual(other) }
    }
}
