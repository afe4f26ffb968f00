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
    /// A body the service would refuse: `failures` are the engine's on `kept`.
    mutating func invalid(_ failures: FailedConstraints, at place: ResultPlace, kept: KeptMembers, into out: ResultBuffer)
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

/// Rendered text by the failures it is for, so that each message is built
/// and escaped once however often it recurs.
///
/// A report is its failures (which member failed which constraint: one
/// word) and the values its messages show, which are the failing members'
/// values when not sensitive (the engine never shows a sensitive one). So
/// the key is that word with those members' bytes from the body: cheap to
/// hash and compare, no violation or message built, no string made. The
/// cache is direct-mapped: its size is fixed, so unique values cannot grow
/// it.
struct RenderCache<Rendered> {
    private final class Entry {
        let failures: FailedConstraints
        /// The shown members' values, in member order.
        let values: [[UInt8]]
        let rendered: Rendered
        init(failures: FailedConstraints, values: [[UInt8]], rendered: Rendered) {
            self.failures = failures
            self.values = values
            self.rendered = rendered
        }
    }

    private var entries = [Entry?](repeating: nil, count: 1024)

    /// The rendering of `failures` (the engine's on `kept`), made by
    /// `render` from the report's violations when not known.
    mutating func rendering(of failures: FailedConstraints, kept: KeptMembers, operation: FeedbackOperation,
                            _ render: ([Violation]) -> Rendered) -> Rendered {
        let index = Self.fingerprint(failures, kept: kept, operation: operation) & (entries.count - 1)
        if let entry = entries[index], Self.matches(entry, failures, kept: kept, operation: operation) {
            return entry.rendered
        }
        var values: [[UInt8]] = []
        Self.forEachShownMember(of: failures) { member in
            values.append(Self.shownBytes(of: member, in: kept, operation: operation).map { Array($0) } ?? [])
        }
        let violations = failures.violations { member in operation.slot(of: member).flatMap { kept.string(at: $0) } }
        let entry = Entry(failures: failures, values: values, rendered: render(violations))
        entries[index] = entry
        return entry.rendered
    }

    /// The bytes of the value a message of `member` shows (`showsValue`).
    @inline(__always)
    private static func shownBytes(of member: Member, in kept: KeptMembers, operation: FeedbackOperation) -> UnsafeBufferPointer<UInt8>? {
        operation.slot(of: member).flatMap { kept.bytes(at: $0) }
    }

    private static func matches(_ entry: Entry, _ failures: FailedConstraints, kept: KeptMembers, operation: FeedbackOperation) -> Bool {
        guard entry.failures == failures else { return false }
        var index = 0, equal = true
        forEachShownMember(of: failures) { member in
            let value = entry.values[index]
            index += 1
            // A failure that quotes the value is always of a string.
            let bytes = shownBytes(of: member, in: kept, operation: operation) ?? UnsafeBufferPointer(start: nil, count: 0)
            guard equal, bytes.count == value.count else { equal = false; return }
            if bytes.isEmpty { return }
            equal = value.withUnsafeBufferPointer { equalBytes($0.baseAddress!, bytes.baseAddress, bytes.count) }
        }
        return equal
    }

    /// Calls `body` with each member whose value `failures`' messages show,
    /// in member order: none, at the cost of one test, for most reports.
    @inline(__always)
    private static func forEachShownMember(of failures: FailedConstraints, _ body: (Member) -> Void) {
        let shown = failures.shownMembers
        guard shown != 0 else { return }
        for (index, member) in Member.allCases.enumerated() where shown & 1 << UInt8(index) != 0 { body(member) }
    }

    private static func fingerprint(_ failures: FailedConstraints, kept: KeptMembers, operation: FeedbackOperation) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ value: UInt64) { hash = (hash ^ value) &* 0x0000_0100_0000_01B3 }
        mix(failures.bits)
        forEachShownMember(of: failures) { member in
            guard let bytes = shownBytes(of: member, in: kept, operation: operation) else { return }
            mix(UInt64(truncatingIfNeeded: bytes.count))
            if bytes.count >= 8 {
                let raw = UnsafeRawPointer(bytes.baseAddress!)
                mix(raw.loadUnaligned(as: UInt64.self))
                mix(raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
            } else {
                for byte in bytes { mix(UInt64(byte)) }
            }
        }
        return Int(truncatingIfNeeded: hash >> 17)
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
