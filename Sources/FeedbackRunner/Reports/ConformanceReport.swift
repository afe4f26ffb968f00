import FeedbackConformance
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The outcome of a conformance run against one implementation.
///
/// ```swift
/// let report = ConformanceReport(implementation: moto, results: results, seconds: 4.2)
/// report.summary.compliance  // passed / total, in percent
/// report.passed              // false when any case fails the run
/// ```
public struct ConformanceReport: Sendable, Hashable, JSONReadable, JSONWritable {
    /// What was tested.
    public var implementation: Implementation
    /// The version of `cognito-feedback` that ran it.
    public var tool: String
    /// When the run started (ISO 8601, UTC).
    public var started: String
    /// Wall time of the whole run, in seconds.
    public var seconds: Double
    /// The options of the run that bear on verdicts (strict, timeouts, ...).
    public var settings: [String: String]
    /// One result per case, in vector order.
    public var results: [CaseResult]
    /// Whether the implementation is the reference, the real service: its
    /// failing cases are then disputes with the vectors (``disputes``).
    public var reference: Bool
    /// Request ids (`x-amzn-RequestId`) by case id, where the answers had one.
    public var requestIds: [String: String]
    /// What the run did not do, and why (vectors not run, a cap reached);
    /// written by the runner, never from an answer.
    public var notes: [String]
    /// Requests sent, retried and throttled, for a run over the network.
    public var traffic: Traffic?
    /// The causes of every non-passing aspect, each once, gravest first
    /// (`Finding`): what every format leads with.
    public var findings: [Finding]
    /// Findings the expectation file lists that no case shows any more:
    /// they fail the run until the file is updated.
    public var unseenFindings: [String]

    /// Creates a report.
    public init(implementation: Implementation, tool: String, started: Date, seconds: Double,
                settings: [String: String] = [:], results: [CaseResult], reference: Bool = false,
                requestIds: [String: String] = [:], notes: [String] = [], traffic: Traffic? = nil) {
        self.implementation = implementation
        self.tool = tool
        self.started = started.formatted(.iso8601)
        self.seconds = seconds
        self.settings = settings
        self.results = results
        self.reference = reference
        self.requestIds = requestIds
        self.notes = notes
        self.traffic = traffic
        self.findings = Finding.findings(of: results)
        self.unseenFindings = []
    }

    /// Whether `protocol` deviations failed this run's cases (`--strict`),
    /// as its settings record.
    public var strict: Bool { settings["strict"] == "true" }

    /// The report with `knownIssues` applied: cases marked, findings with
    /// the file's sources, and the listed findings no case shows.
    public func applying(_ knownIssues: KnownIssues) -> ConformanceReport {
        var report = self
        report.results = knownIssues.apply(to: results, strict: strict)
        report.findings = Finding.findings(of: report.results, sources: knownIssues.findingSources,
                                           listed: knownIssues.listedFindings)
        report.unseenFindings = knownIssues.unseenFindings(in: report.results)
        return report
    }

    /// Counts by verdict and the compliance score.
    public var summary: Summary { Summary(results) }

    /// Whether a CI job should pass: no case fails the run (see
    /// `CaseResult.failsRun`).
    public var passed: Bool { !results.contains(where: \.failsRun) && unseenFindings.isEmpty }

    /// The implementation under test, as it introduced itself.
    public struct Implementation: Sendable, Hashable, JSONReadable, JSONWritable {
        /// `server` or `client`.
        public var kind: String
        /// Its name (`moto_server`, `botocore`), or the endpoint when unknown.
        public var name: String
        /// Its version, when known.
        public var version: String?
        /// Its language, when known.
        public var language: String?
        /// The endpoint URL or the adapter command.
        public var target: String

        /// Creates a description.
        public init(kind: String, name: String, version: String? = nil, language: String? = nil, target: String) {
            self.kind = kind
            self.name = name
            self.version = version
            self.language = language
            self.target = target
        }

        /// The keys of an implementation in a report, each spelled once for reading and writing.
        private enum Key {
            static let kind = "kind", name = "name", version = "version", language = "language", target = "target"
        }

        /// Reads the implementation as a JSON report writes it (``jsonValue``).
        package init(json fields: JSONFields) throws(JSONFieldError) {
            kind = try fields.string(Key.kind)
            name = try fields.string(Key.name)
            version = try fields.optionalString(Key.version)
            language = try fields.optionalString(Key.language)
            target = try fields.string(Key.target)
        }

        /// The implementation as JSON.
        public var jsonValue: JSONValue {
            .object([Key.kind: .string(kind), Key.name: .string(name), Key.version: .nullable(version),
                     Key.language: .nullable(language), Key.target: .string(target)])
        }
    }

    /// How many cases came to each verdict.
    public struct Summary: Sendable, Hashable, JSONWritable {
        /// All cases.
        public var total: Int
        /// Cases per verdict.
        public var pass, fail, unimplemented, error: Int
        /// Cases the expectation file expects not to pass, and which did not.
        public var knownFailures: Int
        /// Cases the expectation file expects to fail that passed.
        public var unexpectedPasses: Int
        /// `pass / total`, in percent (0 when there are no cases): the
        /// verdicts at the run's own threshold.
        public var compliance: Double
        /// The share of cases, in percent, with no `service` deviation
        /// (passing by default, whatever the run's threshold).
        public var serviceCompliance: Double
        /// The share of cases, in percent, with no `service` nor `protocol`
        /// deviation (passing under `--strict`).
        public var strictCompliance: Double

        /// Counts `results`.
        public init(_ results: [CaseResult]) {
            total = results.count
            func count(_ verdict: Verdict) -> Int { results.count { $0.verdict == verdict } }
            pass = count(.pass)
            fail = count(.fail)
            unimplemented = count(.unimplemented)
            error = count(.error)
            knownFailures = results.count { $0.known == .expected }
            unexpectedPasses = results.count { $0.known == .unexpectedPass }
            let total = results.count
            func share(_ count: Int) -> Double { total == 0 ? 0 : Double(count) * 100 / Double(total) }
            compliance = share(pass)
            serviceCompliance = share(results.count { $0.passes(strict: false) })
            strictCompliance = share(results.count { $0.passes(strict: true) })
        }
    }

    /// The keys of a report, each spelled once for reading and writing
    /// (``jsonValue``, and the run's members in `Dispute.swift`).
    enum Key {
        static let implementation = "implementation", tool = "tool", started = "started", seconds = "seconds"
        static let settings = "settings", summary = "summary", results = "results", reference = "reference"
        static let notes = "notes", traffic = "traffic", disputes = "disputes", findings = "findings"
        static let unseenFindings = "unseenFindings"
    }

    /// Reads a report as `--format json` writes it (``jsonValue``). The
    /// summary is counted again from the results; request ids come from the
    /// disputes. Members added after the first reports (`reference`,
    /// `notes`, `traffic`, `findings`, `unseenFindings`, `disputes`) may be
    /// left out.
    package init(json fields: JSONFields) throws(JSONFieldError) {
        implementation = try Implementation(json: try fields.object(Key.implementation))
        tool = try fields.string(Key.tool)
        started = try fields.string(Key.started)
        seconds = try fields.double(Key.seconds)
        settings = try fields.stringMap(Key.settings)
        results = try fields.array(Key.results) { element throws(JSONFieldError) in try CaseResult(json: try element.object()) }
        reference = try fields.optionalBool(Key.reference) ?? false
        notes = try fields.optional(Key.notes) { fields, key throws(JSONFieldError) in try fields.strings(key) } ?? []
        traffic = try fields.optionalObject(Key.traffic).map { fields throws(JSONFieldError) in try Traffic(json: fields) }
        findings = try fields.optional(Key.findings) { fields, key throws(JSONFieldError) in
            try fields.array(key) { element throws(JSONFieldError) in try Finding(json: try element.object()) }
        } ?? Finding.findings(of: results)
        unseenFindings = try fields.optional(Key.unseenFindings) { fields, key throws(JSONFieldError) in try fields.strings(key) } ?? []
        let disputes = try fields.optional(Key.disputes) { fields, key throws(JSONFieldError) in
            try fields.array(key) { element throws(JSONFieldError) in try Dispute(json: try element.object()) }
        } ?? []
        requestIds = Dictionary(disputes.compactMap { dispute in dispute.requestId.map { (dispute.id, $0) } },
                                uniquingKeysWith: { first, _ in first })
    }

    /// Reads the JSON report `bytes` (`--format json`).
    /// - Throws: `JSONFieldError` naming `document` and the field at fault.
    package init(jsonReport bytes: some Sequence<UInt8>, document: String) throws(JSONFieldError) {
        try self.init(json: try JSONFields(parsing: bytes, document: document))
    }

    /// The report with every string that holds a sensitive value of the run
    /// withheld (`Redactor.filtered(_:)`): the
    /// implementation as it introduced itself, the settings, and each
    /// result's expectation, answer and notes. Ids and counts are the
    /// runner's own.
    public func redacted(by redactor: Redactor) -> ConformanceReport {
        var copy = self
        copy.implementation.name = redactor.filtered(implementation.name)
        copy.implementation.version = implementation.version.map(redactor.filtered)
        copy.implementation.language = implementation.language.map(redactor.filtered)
        copy.implementation.target = redactor.filtered(implementation.target)
        copy.settings = settings.mapValues(redactor.filtered)
        copy.results = results.map { result in
            var result = result
            result.expected = result.expected.map(redactor.filtered)
            result.got = result.got.map(redactor.filtered)
            result.notes = result.notes.map(redactor.filtered)
            result.deviations = result.deviations.map { deviation in
                var deviation = deviation
                deviation.detail = redactor.filtered(deviation.detail)
                return deviation
            }
            return result
        }
        copy.findings = findings.map { finding in
            var finding = finding
            finding.summary = redactor.filtered(finding.summary)
            finding.source = finding.source.map(redactor.filtered)
            return finding
        }
        copy.requestIds = requestIds.mapValues(redactor.filtered)
        copy.notes = notes.map(redactor.filtered)
        return copy
    }

    /// The report as JSON: the implementation, the tool, when, how long,
    /// the settings, the summary and every result.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [
            Key.implementation: implementation.jsonValue, Key.tool: .string(tool), Key.started: .string(started),
            Key.seconds: .number(seconds), Key.settings: .object(settings.mapValues(JSONValue.string)),
            Key.summary: summary.jsonValue, Key.results: .array(results.map(\.jsonValue)),
            Key.findings: .array(findings.map(\.jsonValue)), Key.unseenFindings: .array(unseenFindings.map(JSONValue.string)),
        ]
        members.merge(runJSONMembers) { _, new in new }
        return .object(members)
    }
}

extension ConformanceReport.Summary {
    /// The counts as JSON.
    public var jsonValue: JSONValue {
        .object(["total": .integer(total), "pass": .integer(pass), "fail": .integer(fail),
                 "unimplemented": .integer(unimplemented), "error": .integer(error),
                 "knownFailures": .integer(knownFailures), "unexpectedPasses": .integer(unexpectedPasses),
                 "compliance": .number(compliance), "serviceCompliance": .number(serviceCompliance),
                 "strictCompliance": .number(strictCompliance)])
    }
}
