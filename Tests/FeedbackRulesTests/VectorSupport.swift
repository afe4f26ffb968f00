import FeedbackConformance
import Testing

/// The vectors, loaded once for every suite. A load failure surfaces in
/// `VectorLibraryTests`, not as a crash.
enum Vectors {
    static let loaded = Result { try VectorLibrary.load() }
    static var library: VectorLibrary? { try? loaded.get() }
    /// The vectors for `audience` but the `LargeValue` ones (1 MiB tokens): a
    /// debug build takes about a second to judge each, so the suites that
    /// check every vector several ways take them once, in `largeValues`.
    static func `for`(_ audience: Vector.Audience) -> [Vector] {
        (library?.vectors(for: audience) ?? []).filter { !$0.flags.contains("LargeValue") }
    }
    /// The `LargeValue` vectors (`vectors/large-values.json`).
    static var largeValues: [Vector] { (library?.vectors ?? []).filter { $0.flags.contains("LargeValue") } }
}

// Test results name a vector by its id only: small, stable, and free of the
// sensitive values its body holds.
extension Vector: CustomTestArgumentEncodable {
    public func encodeTestArgument(to encoder: some Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
