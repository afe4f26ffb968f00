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
public struct ConformanceReport: Sendable, Hashable, Decodable {
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
    public struct Implementation: Sendable, Hashable, Decodable {
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
    }

    /// How many cases came to each verdict.
    public struct Summary: Sendable, Hashable, Decodable {
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

        enum CodingKeys: String, CodingKey {
            case total, pass, fail, unimplemented, error, knownFailures, unexpectedPasses, compliance
            case serviceCompliance, strictCompliance
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            total = try container.decode(Int.self, forKey: .total)
            pass = try container.decode(Int.self, forKey: .pass)
            fail = try container.decode(Int.self, forKey: .fail)
            unimplemented = try container.decode(Int.self, forKey: .unimplemented)
            error = try container.decode(Int.self, forKey: .error)
            knownFailures = try container.decode(Int.self, forKey: .knownFailures)
            unexpectedPasses = try container.decode(Int.self, forKey: .unexpectedPasses)
            compliance = try container.decode(Double.self, forKey: .compliance)
            serviceCompliance = try container.decodeIfPresent(Double.self, forKey: .serviceCompliance) ?? compliance
            strictCompliance = try container.decodeIfPresent(Double.self, forKey: .strictCompliance) ?? compliance
        }
    }

    enum CodingKeys: String, CodingKey {
        case implementation, tool, started, seconds, settings, summary, results, reference, notes, traffic, disputes
        case findings, unseenFindings
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        implementation = try container.decode(Implementation.self, forKey: .implementation)
        tool = try container.decode(String.self, forKey: .tool)
        started = try container.decode(String.self, forKey: .started)
        seconds = try container.decode(Double.self, forKey: .seconds)
        settings = try container.decode([String: String].self, forKey: .settings)
        results = try container.decode([CaseResult].self, forKey: .results)
        reference = try container.decodeIfPresent(Bool.self, forKey: .reference) ?? false
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
        traffic = try container.decodeIfPresent(Traffic.self, forKey: .traffic)
        findings = try container.decodeIfPresent([Finding].self, forKey: .findings) ?? Finding.findings(of: results)
        unseenFindings = try container.decodeIfPresent([String].self, forKey: .unseenFindings) ?? []
        let disputes = try container.decodeIfPresent([Dispute].self, forKey: .disputes) ?? []
        requestIds = Dictionary(disputes.compactMap { dispute in dispute.requestId.map { (dispute.id, $0) } },
                                uniquingKeysWith: { first, _ in first })
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
            "implementation": implementation.jsonValue, "tool": .string(tool), "started": .string(started),
            "seconds": .number(seconds), "settings": .object(settings.mapValues(JSONValue.string)),
            "summary": summary.jsonValue, "results": .array(results.map(\.jsonValue)),
            "findings": .array(findings.map(\.jsonValue)), "unseenFindings": .array(unseenFindings.map(JSONValue.string)),
        ]
        members.merge(runJSONMembers) { _, new in new }
        return .object(members)
    }
}

extension ConformanceReport.Implementation {
    /// The implementation as JSON.
    public var jsonValue: JSONValue {
        .object(["kind": .string(kind), "name": .string(name), "version": .nullable(version),
                 "language": .nullable(language), "target": .string(target)])
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
