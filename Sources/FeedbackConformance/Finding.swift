import FeedbackWire

/// One cause of a run's non-passing aspects, counted once however many
/// cases it explains: what a report leads with.
///
/// ```swift
/// let findings = Finding.findings(of: results)
/// findings.first?.id        // "signs-optional-auth-operation"
/// findings.first?.severity  // .protocol
/// findings.first?.cases     // 331
/// ```
///
/// Findings are derived from the cases' ``Deviation``s, grouped by id and
/// severity; a case that does not pass and names no deviation (an adapter
/// that crashed, an older report) counts under `no-usable-answer`,
/// `not-implemented` or `unclassified-failure` by its verdict.
public struct Finding: Sendable, Hashable, JSONReadable, JSONWritable {
    /// The cause: a stable kebab-case id (``FindingCatalog``).
    public var id: String
    /// How much it matters.
    public var severity: Severity
    /// How many cases it explains.
    public var cases: Int
    /// One of those cases' id.
    public var example: String
    /// What it means, in a few words.
    public var summary: String
    /// Where the implementation does it (a source file and function), as
    /// the expectation file says; `nil` when unknown.
    public var source: String?
    /// Whether the expectation file lists it, by finding or by the ids of
    /// every case it explains.
    public var known: Bool

    /// Creates a finding.
    public init(id: String, severity: Severity, cases: Int, example: String, summary: String, source: String? = nil,
                known: Bool = false) {
        self.id = id
        self.severity = severity
        self.cases = cases
        self.example = example
        self.summary = summary
        self.source = source
        self.known = known
    }

    /// The deviations a result counts under: its own, or one derived from
    /// its verdict when it does not pass and names none.
    public static func deviations(of result: CaseResult) -> [Deviation] {
        if !result.deviations.isEmpty { return result.deviations }
        let id: String
        switch result.verdict {
        case .pass: return []
        case .fail: id = "unclassified-failure"
        case .unimplemented: id = FindingCatalog.notImplemented
        case .error: id = "no-usable-answer"
        }
        return [Deviation(finding: id, severity: .service, detail: result.got ?? result.verdict.rawValue)]
    }

    /// The findings of `results`, gravest first, then by the cases they
    /// explain; `sources` and `listed` come from the expectation file.
    public static func findings(of results: [CaseResult], sources: [String: String] = [:], listed: Set<String> = [])
        -> [Finding]
    {
        var order: [String] = []
        var found: [String: Finding] = [:]
        var knownCases: [String: Int] = [:]
        for result in results {
            var counted = Set<String>()
            for deviation in deviations(of: result) {
                let key = deviation.severity.rawValue + " " + deviation.finding
                guard counted.insert(key).inserted else { continue }
                if found[key] == nil {
                    order.append(key)
                    found[key] = Finding(id: deviation.finding, severity: deviation.severity, cases: 0, example: result.id,
                                         summary: FindingCatalog.summary(of: deviation.finding) ?? deviation.detail,
                                         source: sources[deviation.finding], known: listed.contains(deviation.finding))
                }
                found[key]!.cases += 1
                if result.known == .expected { knownCases[key, default: 0] += 1 }
            }
        }
        for key in order where knownCases[key] == found[key]?.cases { found[key]?.known = true }
        return order.compactMap { found[$0] }.enumerated().sorted { a, b in
            (a.element.severity, -a.element.cases, a.offset) < (b.element.severity, -b.element.cases, b.offset)
        }.map(\.element)
    }

    /// The keys of a finding in a report, each spelled once for reading and writing.
    private enum Key {
        static let id = "id", severity = "severity", cases = "cases", example = "example", summary = "summary"
        static let source = "source", known = "known"
    }

    /// Reads a finding as a JSON report writes it (``jsonValue``).
    package init(json fields: JSONFields) throws(JSONFieldError) {
        id = try fields.string(Key.id)
        severity = try fields.value(Key.severity)
        cases = try fields.int(Key.cases)
        example = try fields.string(Key.example)
        summary = try fields.string(Key.summary)
        source = try fields.optionalString(Key.source)
        known = try fields.bool(Key.known)
    }

    /// The finding as JSON, as reports hold it.
    public var jsonValue: JSONValue {
        .object([Key.id: .string(id), Key.severity: .string(severity.rawValue), Key.cases: .integer(cases),
                 Key.example: .string(example), Key.summary: .string(summary), Key.source: .nullable(source),
                 Key.known: .bool(known)])
    }
}
