import FeedbackRules
import FeedbackWire

/// `--format junit`: a JUnit XML report, one test case per body (failures
/// only with `--quiet`): a failure for an invalid body, an error for an
/// unusable input. Text is made terminal-safe, then XML-escaped, so no
/// control character (which XML 1.0 cannot carry) is written.
///
/// The counts go in the opening tags, so the test cases are spooled (to a
/// temporary file, not memory) until the run ends.
struct JUnitResults: ResultRenderer {
    static var locatesValues: Bool { true }
    private let operation: FeedbackOperation
    private let quiet: Bool
    /// `<testcase classname="<input>" name="`.
    private let head: [UInt8]
    /// Per body's violations: `"><failure …>…`, after the name.
    private let failureParts = RenderCache<[[UInt8]]>()

    init(_ context: RenderContext) {
        operation = context.operation
        quiet = context.quiet
        head = Array(#"<testcase classname="\#(Self.escaped(context.input.display))" name=""#.utf8)
    }

    private func start(_ place: ResultPlace, into out: ResultBuffer) {
        out.append(head)
        if let line = place.line {
            out.append("line ")
            out.appendDecimal(line)
            if let column = place.column {
                out.append(", column ")
                out.appendDecimal(column)
            }
        } else {
            out.append("body")
        }
        out.append("\"")
    }

    mutating func valid(at place: ResultPlace, into out: ResultBuffer) {
        guard !quiet else { return }
        start(place, into: out)
        out.append("/>\n")
    }

    mutating func invalid(_ failures: FailedConstraints, answered errorType: ServiceError, at place: ResultPlace, kept: KeptMembers, into out: ResultBuffer) {
        let parts = failureParts.rendering(of: failures, kept: kept, operation: operation) { violations in
            let messages = violations.map(\.message)
            let head = #"><failure type="\#(errorType.rawValue)" message="\#(Self.escaped(ValidationReport.message(of: violations, parts: messages) ?? ""))">"#
            return [Array(head.utf8)] + zip(violations, messages).map { violation, message in
                Array(#": \#(violation.member.wireName) \#(violation.kind.rawValue): \#(Self.escaped(message))\#n"#.utf8)
            }
        }
        start(place, into: out)
        out.append(parts[0])
        var index = 1
        failures.forEachFailure { member, _ in
            let location = Self.location(of: member, in: kept, operation: operation)
            let part = parts[index]
            index += 1
            out.append("line ")
            out.appendDecimal(location.line)
            out.append(", column ")
            out.appendDecimal(location.column)
            out.append(part)
        }
        out.append("</failure></testcase>\n")
    }

    mutating func unusable(_ reason: String, at place: ResultPlace, into out: ResultBuffer) {
        start(place, into: out)
        out.append(contentsOf: #"><error type="unusable input" message="\#(Self.escaped(reason))"/></testcase>"#)
        out.append("\n")
    }

    /// The report up to its first test case.
    static func header(counts: LintCounts, quiet: Bool, operation: FeedbackOperation) -> [UInt8] {
        let tests = quiet ? counts.invalid + counts.unusable : counts.bodies
        let attributes = #"tests="\#(tests)" failures="\#(counts.invalid)" errors="\#(counts.unusable)""#
        return Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + #"<testsuites name="cognito-feedback lint" \#(attributes)>"# + "\n"
            + #"<testsuite name="\#(operation.rawValue)" \#(attributes)>"# + "\n").utf8)
    }

    /// The report after its last test case.
    static let footer: [UInt8] = Array("</testsuite>\n</testsuites>\n".utf8)

    /// `text`, terminal-safe, with markup characters as entities.
    static func escaped(_ text: String) -> String { MarkupText.escaped(text) }
}
