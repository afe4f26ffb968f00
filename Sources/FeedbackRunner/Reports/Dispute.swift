import FeedbackConformance

extension ConformanceReport {
    /// A case on which the reference, the real service, answers otherwise
    /// than its vector expects: not the service's bug, but a question for
    /// the vector, settled as `vectors/README.md` ("Disputes") says.
    public struct Dispute: Sendable, Hashable, JSONReadable, JSONWritable {
        /// The vector id.
        public var id: String
        /// What the vector expects.
        public var expected: String?
        /// What the service answered (status and error type, and what differs).
        public var answered: String?
        /// The service's request id, to find the exchange in a recording.
        public var requestId: String?

        /// The dispute as JSON.
        /// The keys of a dispute in a report, each spelled once for reading and writing.
        private enum Key {
            static let id = "id", expected = "expected", answered = "answered", requestId = "requestId"
        }

        /// Creates a dispute.
        init(id: String, expected: String?, answered: String?, requestId: String?) {
            self.id = id
            self.expected = expected
            self.answered = answered
            self.requestId = requestId
        }

        /// Reads a dispute as a JSON report writes it (``jsonValue``).
        package init(json fields: JSONFields) throws(JSONFieldError) {
            id = try fields.string(Key.id)
            expected = try fields.optionalString(Key.expected)
            answered = try fields.optionalString(Key.answered)
            requestId = try fields.optionalString(Key.requestId)
        }

        public var jsonValue: JSONValue {
            .object([Key.id: .string(id), Key.expected: .nullable(expected), Key.answered: .nullable(answered),
                     Key.requestId: .nullable(requestId)])
        }
    }

    /// The cases in dispute: in a reference run, every `fail` the
    /// expectation file does not expect. Empty for any other run.
    public var disputes: [Dispute] {
        guard reference else { return [] }
        return results.filter(isDisputed).map { result in
            Dispute(id: result.id, expected: result.expected, answered: result.got, requestId: requestIds[result.id])
        }
    }

    /// Whether `result` is a dispute (``disputes``), listed apart from failures.
    public func isDisputed(_ result: CaseResult) -> Bool {
        reference && result.verdict == .fail && result.known == nil
    }

    /// The members a report's JSON gains from the run: whether it was a
    /// reference run, its disputes, notes and traffic.
    var runJSONMembers: [String: JSONValue] {
        [Key.reference: .bool(reference), Key.disputes: .array(disputes.map(\.jsonValue)),
         Key.notes: .array(notes.map(JSONValue.string)), Key.traffic: traffic?.jsonValue ?? .null]
    }
}

extension ReportFormat {
    /// The text sections of a run's disputes, traffic and notes (empty when
    /// it has none).
    static func runText(_ report: ConformanceReport) -> String {
        var out = ""
        let disputes = report.disputes
        if !disputes.isEmpty {
            out += "\nDISPUTES (\(disputes.count)): the reference answers otherwise than these vectors expect;\n"
                + "  settle each as vectors/README.md says (\"Disputes\"), citing the recording\n"
            for dispute in disputes {
                out += "  DISPUTE \(TerminalText.escaped(dispute.id))\n"
                if let expected = dispute.expected { out += "    expected: \(TerminalText.escaped(expected, limit: 300))\n" }
                if let answered = dispute.answered { out += "    answered: \(TerminalText.escaped(answered, limit: 300))\n" }
                if let requestId = dispute.requestId { out += "    request id: \(TerminalText.escaped(requestId, limit: 100))\n" }
            }
        }
        if report.traffic != nil || !report.notes.isEmpty {
            out += "\nRUN\n"
            if let traffic = report.traffic { out += "  \(traffic.summary)\n" }
            for note in report.notes { out += "  \(TerminalText.escaped(note, limit: 300))\n" }
        }
        return out
    }

    /// The last line of a text report: passed, failed, or disputed.
    static func conclusion(_ report: ConformanceReport) -> String {
        if report.passed { return "PASSED: no failures beyond the expectation file\n" }
        let failing = report.results.count { $0.failsRun && !report.isDisputed($0) }
        let disputed = report.disputes.count
        var parts: [String] = []
        if failing > 0 { parts.append("\(failing) case\(failing == 1 ? "" : "s") fail the run") }
        let unseen = report.unseenFindings.count
        if unseen > 0 { parts.append("\(unseen) finding\(unseen == 1 ? "" : "s") of the expectation file no case shows") }
        if disputed > 0 { parts.append("\(disputed) vector\(disputed == 1 ? " is" : "s are") disputed by the reference") }
        return (failing > 0 || unseen > 0 ? "FAILED: " : "DISPUTED: ") + parts.joined(separator: "; ") + "\n"
    }

    /// JUnit `system-out` of the test suite with the run's traffic and notes
    /// (empty when it has none).
    static func junitRunOutput(_ report: ConformanceReport) -> String {
        var lines: [String] = []
        if let traffic = report.traffic { lines.append(traffic.summary) }
        lines += report.notes
        guard !lines.isEmpty else { return "" }
        return "    <system-out>\(MarkupText.escaped(lines.joined(separator: "\n"), limit: 2000, multiline: true))</system-out>\n"
    }
}
