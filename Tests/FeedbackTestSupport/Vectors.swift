import FeedbackConformance
import Testing

/// The vectors, loaded once for every suite. A load failure surfaces in the
/// vector library's own tests, not as a crash.
public enum Vectors {
    /// The library, or why it did not load.
    public static let loaded = Result { try VectorLibrary.load() }
    /// The library, if it loaded.
    public static var library: VectorLibrary? { try? loaded.get() }
    /// The vectors for `audience` but the `LargeValue` ones (1 MiB tokens: a
    /// debug build takes about a second to judge each, so the suites that
    /// check every vector several ways take them once, in ``largeValues``);
    /// none if the library did not load.
    public static func `for`(_ audience: Vector.Audience) -> [Vector] {
        (library?.vectors(for: audience) ?? []).filter { !$0.flags.contains("LargeValue") }
    }
    /// The `LargeValue` vectors (`vectors/large-values.json`).
    public static var largeValues: [Vector] { (library?.vectors ?? []).filter { $0.flags.contains("LargeValue") } }
    /// The vector with `id`.
    public static func named(_ id: String) -> Vector? { library?.vector(id: id) }
}

// Test results name a vector or case by its id only: small, stable, and
// free of the sensitive values its body holds.
extension Vector: CustomTestArgumentEncodable {
    public func encodeTestArgument(to encoder: some Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}

extension ClientCase: CustomTestArgumentEncodable {
    public func encodeTestArgument(to encoder: some Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}

/// The ids of `results` in which some string holds a sensitive parameter
/// value of its case (values of 4 scalars or more: shorter ones, such as
/// `a`, occur in ordinary words).
public func leakedValues(_ results: [CaseResult], _ cases: [ClientCase]) -> [String] {
    let byId = Dictionary(cases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    return results.compactMap { result in
        guard let item = byId[result.id] else { return nil }
        let text = ([result.expected, result.got].compactMap { $0 } + result.notes).joined(separator: "\n")
        let secrets = item.parameters.filter { $0.key.isSensitive && $0.value.unicodeScalars.count >= 4 }.map(\.value)
        return secrets.contains { Array(text.utf8).contains(Array($0.utf8)) } ? result.id : nil
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
