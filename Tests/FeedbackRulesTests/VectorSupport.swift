import FeedbackConformance
import Testing

/// The vectors, loaded once for every suite. A load failure surfaces in
/// `VectorLibraryTests`, not as a crash.
enum Vectors {
    static let loaded = Result { try VectorLibrary.load() }
    static var library: VectorLibrary? { try? loaded.get() }
    static func `for`(_ audience: Vector.Audience) -> [Vector] { library?.vectors(for: audience) ?? [] }
}

// Test results name a vector by its id only: small, stable, and free of the
// sensitive values its body holds.
extension Vector: CustomTestArgumentEncodable {
    public func encodeTestArgument(to encoder: some Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
