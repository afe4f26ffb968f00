import FeedbackConformance
import Testing

/// The client vectors, loaded once for the client suites; a load failure
/// leaves them empty, which `clientVectorsLoad` reports.
enum ClientVectors {
    static let loaded = Result { try VectorLibrary.load() }
    static var all: [Vector] { (try? loaded.get())?.vectors(for: .client) ?? [] }
    static func named(_ id: String) -> Vector? { all.first { $0.id == id } }
}

// Test output names a vector by its id only, never its sensitive values.
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

/// Whether any string of `results` holds a sensitive parameter value of
/// its case (values of 4 scalars or more: shorter ones, such as `a`, occur
/// in ordinary words).
func leakedValues(_ results: [CaseResult], _ cases: [ClientCase]) -> [String] {
    let byId = Dictionary(cases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    return results.compactMap { result in
        guard let item = byId[result.id] else { return nil }
        let text = ([result.expected, result.got].compactMap { $0 } + result.notes).joined(separator: "\n")
        let secrets = item.parameters.filter { $0.key.isSensitive && $0.value.unicodeScalars.count >= 4 }.map(\.value)
        return secrets.contains { text.utf8.contains($0.utf8) } ? result.id : nil
    }
}

extension String.UTF8View {
    /// Whether `other` occurs in these bytes.
    func contains(_ other: String.UTF8View) -> Bool {
        let haystack = Array(self), needle = Array(other)
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
