import FeedbackConformance
import FeedbackTestSupport
import Testing

// Test results name a case by its id only, as they name a vector
// (FeedbackTestSupport): its parameters hold sensitive values.
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
