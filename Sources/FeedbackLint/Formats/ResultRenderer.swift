import FeedbackRules
import FeedbackWire

/// Where a result is reported in its input: the line of a JSON Lines body;
/// the line and column of an array element, or of the byte that made an
/// input unusable. Nothing for a whole file's only body.
struct ResultPlace: Sendable, Equatable {
    var line: Int?
    var column: Int?

    /// No place: the result is about the whole input.
    static let wholeInput = ResultPlace(line: nil, column: nil)

    init(line: Int?, column: Int?) {
        self.line = line
        self.column = column
    }

    init(_ location: TextLocation) {
        self.init(line: location.line, column: location.column)
    }
}

/// The input a result belongs to, as the formats name it.
struct InputName: Sendable {
    /// The path as given, or `stdin`.
    let display: String
    /// Whether it is standard input.
    let isStandardInput: Bool
}

/// What every renderer is told about the run and the current input.
struct RenderContext: Sendable {
    let operation: FeedbackOperation
    let input: InputName
    /// Failures only: valid bodies are not shown.
    let quiet: Bool
}

/// Writes each body's result in one format. One renderer per thread: it
/// keeps what it rendered before (``RenderCache``), so that a violation
/// seen again costs a copy.
protocol ResultRenderer: SendableMetatype {
    /// Whether judged bodies need the line and column of their values.
    static var locatesValues: Bool { get }
    init(_ context: RenderContext)
    /// A body the service would accept.
    mutating func valid(at place: ResultPlace, into out: ResultBuffer)
    /// A body the service would refuse: `failures` are the engine's on
    /// `kept`, and the service answers them with `errorType` (the engine's
    /// rule; a renderer holds none of its own).
    mutating func invalid(_ failures: FailedConstraints, answered errorType: ServiceError, at place: ResultPlace, kept: KeptMembers, into out: ResultBuffer)
    /// An input that could not be judged, and why (never quoting it).
    mutating func unusable(_ reason: String, at place: ResultPlace, into out: ResultBuffer)
}

extension ResultRenderer {
    /// Where `member` is in the body: its value, or the body itself when
    /// the member is absent.
    static func location(of member: Member, in kept: KeptMembers, operation: FeedbackOperation) -> TextLocation {
        guard let slot = operation.slot(of: member), kept.kind(at: slot) != .absent else { return kept.start }
        return kept.locations[slot]
    }
}

/// What the summary and the exit status count.
struct LintCounts: Sendable {
    var valid = 0, invalid = 0, unusable = 0

    /// Every result: judged or not.
    var bodies: Int { valid + invalid + unusable }

    static func += (counts: inout LintCounts, other: LintCounts) {
        counts.valid += other.valid
        counts.invalid += other.invalid
        counts.unusable += other.unusable
    }
}
