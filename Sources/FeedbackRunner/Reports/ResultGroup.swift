import FeedbackConformance

/// Cases that came to the same verdict for the same reason: shown once, with
/// a count and their ids (every case stays in the JSON and JUnit reports).
struct ResultGroup {
    let verdict: Verdict
    let known: CaseResult.Known?
    let expected: String?
    let got: String?
    var ids: [String]

    /// The groups of `results`, in the order their first case comes.
    static func groups(of results: [CaseResult]) -> [ResultGroup] {
        var groups: [ResultGroup] = []
        var index: [String: Int] = [:]
        for result in results {
            let key = [result.verdict.rawValue, result.known?.rawValue ?? "", result.expected ?? "\u{0}", result.got ?? "\u{0}"]
                .joined(separator: "\u{1}")
            if let at = index[key] {
                groups[at].ids.append(result.id)
            } else {
                index[key] = groups.count
                groups.append(ResultGroup(verdict: result.verdict, known: result.known, expected: result.expected,
                                          got: result.got, ids: [result.id]))
            }
        }
        return groups
    }

    /// The ids, a whole topic of `all` as `topic.* (n)`, at most 12 others
    /// named, then how many more.
    func shownIDs(among all: [CaseResult]) -> String {
        let sizes = Dictionary(grouping: all, by: \.topic).mapValues(\.count)
        let mine = Dictionary(grouping: ids, by: { CaseResult.topic(of: $0) })
        var parts: [String] = []
        var singles: [String] = []
        for (topic, ids) in mine.sorted(by: { $0.key < $1.key }) {
            if ids.count == sizes[topic], ids.count > 1 { parts.append("\(topic).* (\(ids.count))") } else { singles += ids }
        }
        parts += singles.prefix(12)
        if singles.count > 12 { parts.append("and \(singles.count - 12) more") }
        return parts.joined(separator: ", ")
    }
}

extension CaseResult {
    /// The topic of a case: its id up to the first `.` (`username-pattern`, `answer`).
    var topic: String { Self.topic(of: id) }

    static func topic(of id: String) -> String {
        id.split(separator: ".", maxSplits: 1).first.map(String.init) ?? id
    }
}
