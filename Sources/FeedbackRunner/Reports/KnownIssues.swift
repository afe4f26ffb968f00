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
///
/// An entry may name findings instead of ids (`Finding`, the causes a
/// report leads with), with where the implementation does it:
///
/// ```json
/// {"findings": ["signs-optional-auth-operation"], "reason": "generated from a model before mid-2023",
///  "source": "service/cognitoidentityprovider/api_op_UpdateAuthEventFeedback.go"}
/// ```
///
/// A case that does not pass is then expected when every deviation that
/// fails it is a listed finding; a listed finding that no case shows any
/// more fails the run (``unseenFindings(in:)``), so the file is kept honest.
public struct KnownIssues: Sendable, Hashable, JSONReadable {
    /// Which implementation the file is for (informational).
    public var implementation: String?
    /// The entries, first match wins.
    public var knownIssues: [Entry]

    /// One known issue.
    public struct Entry: Sendable, Hashable, JSONReadable {
        /// The ids covered: each an id, or a pattern where `*` matches any
        /// run of characters. Empty for an entry that names ``findings``.
        public var ids: [IDPattern]
        /// The findings covered (`signs-optional-auth-operation`), instead of ids.
        public var findings: [String]
        /// Where the implementation does it (a source file and function), shown with the finding.
        public var source: String?
        /// Ids among those that the entry does not cover.
        public var except: [IDPattern]
        /// The verdict the cases come to today (not `pass`); `nil` for an
        /// entry that names ``findings``.
        public var verdict: Verdict?
        /// Why, for people: a link to the bug, the missing feature.
        public var reason: String

        /// Creates an entry.
        public init(ids: [String], except: [String] = [], verdict: Verdict, reason: String) {
            self.ids = ids.map(IDPattern.init)
            self.except = except.map(IDPattern.init)
            self.findings = []
            self.verdict = verdict
            self.reason = reason
        }

        /// Creates an entry for findings.
        public init(findings: [String], reason: String, source: String? = nil) {
            self.ids = []
            self.except = []
            self.findings = findings
            self.source = source
            self.verdict = nil
            self.reason = reason
        }

        /// Creates an entry for one id or pattern.
        public init(ids: String, verdict: Verdict, reason: String) {
            self.init(ids: [ids], verdict: verdict, reason: reason)
        }

        /// Whether the entry covers `id`.
        public func covers(_ id: String) -> Bool {
            !ids.isEmpty && ids.contains { $0.matches(id) } && !except.contains { $0.matches(id) }
        }

        /// Reads an entry: `ids` and `except` each one pattern or an array
        /// of them; either `ids` (with a `verdict`) or `findings`.
        package init(json fields: JSONFields) throws(JSONFieldError) {
            func patterns(_ key: String) throws(JSONFieldError) -> [IDPattern] {
                switch fields.members[key] {
                case nil: return []
                case .string(let one)?: return [IDPattern(one)]
                default: return try fields.strings(key).map(IDPattern.init)
                }
            }
            ids = try patterns("ids")
            findings = try fields.optional("findings") { fields, key throws(JSONFieldError) in try fields.strings(key) } ?? []
            source = try fields.optionalString("source")
            reason = try fields.string("reason")
            except = try patterns("except")
            guard ids.isEmpty != findings.isEmpty else {
                throw fields.error("ids", expected: "ids or findings, not both nor neither")
            }
            if ids.isEmpty {
                guard !fields.contains("verdict"), except.isEmpty else {
                    throw fields.error("findings", expected: "no verdict nor except with findings")
                }
                verdict = nil
            } else {
                verdict = try fields.value("verdict")
            }
        }
    }

    /// Creates a file's contents.
    public init(implementation: String? = nil, knownIssues: [Entry]) {
        self.implementation = implementation
        self.knownIssues = knownIssues
    }

    /// Reads an expectation file's contents.
    package init(json fields: JSONFields) throws(JSONFieldError) {
        implementation = try fields.optionalString("implementation")
        knownIssues = try fields.array("knownIssues") { element throws(JSONFieldError) in try Entry(json: try element.object()) }
    }

    /// Reads an expectation file.
    /// - Throws: an error naming the file and what is wrong with it.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LoadError(file: url.path, reason: "cannot be read")
        }
        do { self = try KnownIssues(json: try JSONFields(parsing: data, document: url.lastPathComponent)) } catch {
            throw LoadError(file: url.path, reason: "not a valid expectation file (\(error.reason))")
        }
        if let entry = knownIssues.first(where: { $0.verdict == .pass }) {
            throw LoadError(file: url.path, reason: "entry '\(entry.ids.map(\.pattern).joined(separator: ", "))' expects pass; list only cases that do not pass")
        }
    }

    /// The entries that name findings, by finding id.
    var findingEntries: [String: Entry] {
        var entries: [String: Entry] = [:]
        for entry in knownIssues { for finding in entry.findings where entries[finding] == nil { entries[finding] = entry } }
        return entries
    }

    /// Where the file says each listed finding comes from.
    public var findingSources: [String: String] { findingEntries.compactMapValues(\.source) }

    /// The findings the file lists.
    public var listedFindings: Set<String> { Set(findingEntries.keys) }

    /// The findings the file lists that no case of `results` shows: the
    /// issue is fixed (or the finding renamed), so the file must change.
    public func unseenFindings(in results: [CaseResult]) -> [String] {
        let seen = Set(results.flatMap { Finding.deviations(of: $0).map(\.finding) })
        return knownIssues.flatMap(\.findings).filter { !seen.contains($0) }
    }

    /// Marks each result the file covers (`CaseResult.known`): a case that
    /// does not pass is expected when every deviation failing it at the
    /// run's threshold (`strict`) is a listed finding, or else when the
    /// first entry whose ids cover it has its verdict.
    public func apply(to results: [CaseResult], strict: Bool = false) -> [CaseResult] {
        let byFinding = findingEntries
        return results.map { result in
            var result = result
            let deviations = Finding.deviations(of: result)
            let listed = deviations.compactMap { byFinding[$0.finding] }
            for reason in Set(listed.map(\.reason)).sorted() { result.notes.append("known issue: \(reason)") }
            let failing = deviations.filter { $0.severity.failsRun(strict: strict) }
            if result.verdict != .pass, !failing.isEmpty, failing.allSatisfy({ byFinding[$0.finding] != nil }) {
                result.known = .expected
                return result
            }
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
