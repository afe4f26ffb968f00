import FeedbackConformance
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An implementation's expectation file: the cases known not to pass, so a
/// CI job gates on new failures only, and learns when a known one is fixed
/// (as smithy-rs `expectFail` or Swift Testing's `withKnownIssue`).
///
/// ```json
/// {
///   "implementation": "moto_server 5.2.1",
///   "knownIssues": [
///     {"ids": "*", "verdict": "unimplemented", "reason": "moto implements neither operation"},
///     {"ids": "username-pattern.*", "verdict": "fail", "reason": "no pattern validation"}
///   ]
/// }
/// ```
///
/// An entry covers the cases whose id matches `ids` (an id or a pattern,
/// where `*` matches any run of characters, or a list of them) and none of
/// `except` (the same forms; e.g. the cases a client rejects locally, which
/// pass). A covered case with the entry's verdict is an expected failure; a
/// covered case that passes is an unexpected pass, which fails the run
/// until the file is updated. Any other verdict is a new failure.
///
/// ```json
/// {"ids": "*.update", "except": ["*.empty.update"], "verdict": "fail", "reason": "signs UpdateAuthEventFeedback"}
/// ```
public struct KnownIssues: Sendable, Hashable, Decodable {
    /// Which implementation the file is for (informational).
    public var implementation: String?
    /// The entries, first match wins.
    public var knownIssues: [Entry]

    /// One known issue.
    public struct Entry: Sendable, Hashable, Decodable {
        /// The ids covered: each an id, or a pattern where `*` matches any run of characters.
        public var ids: [IDPattern]
        /// Ids among those that the entry does not cover.
        public var except: [IDPattern]
        /// The verdict the cases come to today (not `pass`).
        public var verdict: Verdict
        /// Why, for people: a link to the bug, the missing feature.
        public var reason: String

        /// Creates an entry.
        public init(ids: [String], except: [String] = [], verdict: Verdict, reason: String) {
            self.ids = ids.map(IDPattern.init)
            self.except = except.map(IDPattern.init)
            self.verdict = verdict
            self.reason = reason
        }

        /// Creates an entry for one id or pattern.
        public init(ids: String, verdict: Verdict, reason: String) {
            self.init(ids: [ids], verdict: verdict, reason: reason)
        }

        /// Whether the entry covers `id`.
        public func covers(_ id: String) -> Bool {
            ids.contains { $0.matches(id) } && !except.contains { $0.matches(id) }
        }

        enum CodingKeys: String, CodingKey { case ids, except, verdict, reason }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func patterns(_ key: CodingKeys) throws -> [IDPattern] {
                guard container.contains(key) else { return [] }
                if let one = try? container.decode(IDPattern.self, forKey: key) { return [one] }
                return try container.decode([IDPattern].self, forKey: key)
            }
            ids = try patterns(.ids)
            guard !ids.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: .ids, in: container, debugDescription: "ids is missing or empty")
            }
            except = try patterns(.except)
            verdict = try container.decode(Verdict.self, forKey: .verdict)
            reason = try container.decode(String.self, forKey: .reason)
        }
    }

    /// Creates a file's contents.
    public init(implementation: String? = nil, knownIssues: [Entry]) {
        self.implementation = implementation
        self.knownIssues = knownIssues
    }

    /// Reads an expectation file.
    /// - Throws: an error naming the file and what is wrong with it.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LoadError(file: url.path, reason: "cannot be read")
        }
        do { self = try JSONDecoder().decode(Self.self, from: data) } catch {
            throw LoadError(file: url.path, reason: "not a valid expectation file (\(error))")
        }
        if let entry = knownIssues.first(where: { $0.verdict == .pass }) {
            throw LoadError(file: url.path, reason: "entry '\(entry.ids.map(\.pattern).joined(separator: ", "))' expects pass; list only cases that do not pass")
        }
    }

    /// Marks each result the file covers (`CaseResult.known`).
    public func apply(to results: [CaseResult]) -> [CaseResult] {
        results.map { result in
            var result = result
            guard let entry = knownIssues.first(where: { $0.covers(result.id) }) else { return result }
            if result.verdict == .pass {
                result.known = .unexpectedPass
                result.notes.append("known issue no longer occurs: \(entry.reason)")
            } else if result.verdict == entry.verdict {
                result.known = .expected
                result.notes.append("known issue: \(entry.reason)")
            }
            return result
        }
    }
}
