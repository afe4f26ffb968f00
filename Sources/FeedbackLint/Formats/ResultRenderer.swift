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
    mutating func valid(at place: ResultPlace, into out: inout [UInt8])
    /// A body the service would refuse: `violations` are the report's.
    mutating func invalid(_ violations: [Violation], at place: ResultPlace, kept: KeptMembers, into out: inout [UInt8])
    /// An input that could not be judged, and why (never quoting it).
    mutating func unusable(_ reason: String, at place: ResultPlace, into out: inout [UInt8])
}

extension ResultRenderer {
    /// Where `violation`'s member is in the body: its value, or the body
    /// itself when the member is absent.
    static func location(of violation: Violation, in kept: KeptMembers, operation: FeedbackOperation) -> TextLocation {
        guard let slot = operation.slot(of: violation.member), kept.kind(at: slot) != .absent else { return kept.start }
        return kept.locations[slot]
    }
}

/// Rendered text by the violations it is for, so that each message is
/// built and escaped once however often it recurs.
///
/// A violation is its member, its constraint and the value its message
/// shows, which is the member's value when the member is not sensitive
/// (the engine never shows a sensitive one). So the key of a report's
/// violations is their members and constraints with those members' values
/// from the body: cheap to hash and compare, no message built. The cache
/// is direct-mapped: its size is fixed, so unique values cannot grow it.
struct RenderCache<Rendered> {
    private final class Entry {
        let violations: [Violation]
        /// The shown members' values, one per violation (`nil`: a sensitive member).
        let values: [String?]
        let rendered: Rendered
        init(violations: [Violation], values: [String?], rendered: Rendered) {
            self.violations = violations
            self.values = values
            self.rendered = rendered
        }
    }

    private var entries = [Entry?](repeating: nil, count: 1024)

    /// Hands `use` the rendering of `violations` (a report on `kept`), made
    /// by `render` when not known.
    mutating func withRendering(of violations: [Violation], kept: KeptMembers, operation: FeedbackOperation,
                                _ render: ([Violation]) -> Rendered, _ use: (Rendered) -> Void) {
        let index = Self.fingerprint(violations, kept: kept, operation: operation) & (entries.count - 1)
        if let entry = entries[index], Self.matches(entry, violations, kept: kept, operation: operation) {
            return use(entry.rendered)
        }
        let values = violations.map { Self.shownValue(of: $0.member, in: kept, operation: operation) }
        let entry = Entry(violations: violations, values: values, rendered: render(violations))
        entries[index] = entry
        use(entry.rendered)
    }

    /// The rendering of `violations`, made by `render` when not known.
    mutating func rendering(of violations: [Violation], kept: KeptMembers, operation: FeedbackOperation,
                            _ render: ([Violation]) -> Rendered) -> Rendered {
        var rendered: Rendered?
        withRendering(of: violations, kept: kept, operation: operation, render) { rendered = $0 }
        return rendered!
    }

    /// The value a violation of `member` may show: the member's string,
    /// unless the member is sensitive.
    @inline(__always)
    private static func shownValue(of member: Member, in kept: KeptMembers, operation: FeedbackOperation) -> String? {
        switch member {
        case .username, .feedbackToken: nil
        case .userPoolId, .eventId, .feedbackValue: operation.slot(of: member).flatMap { kept.string(at: $0) }
        }
    }

    private static func matches(_ entry: Entry, _ violations: [Violation], kept: KeptMembers, operation: FeedbackOperation) -> Bool {
        guard entry.violations.count == violations.count else { return false }
        for index in violations.indices {
            let member = violations[index].member
            guard member == entry.violations[index].member, violations[index].constraint == entry.violations[index].constraint,
                shownValue(of: member, in: kept, operation: operation) == entry.values[index]
            else { return false }
        }
        return true
    }

    private static func fingerprint(_ violations: [Violation], kept: KeptMembers, operation: FeedbackOperation) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ value: UInt64) { hash = (hash ^ value) &* 0x0000_0100_0000_01B3 }
        for index in violations.indices {
            let member = violations[index].member
            mix(UInt64(truncatingIfNeeded: operation.slot(of: member) ?? 7))
            switch violations[index].constraint {
            case .required: mix(1)
            case .minLength(let bound): mix(2 &+ UInt64(truncatingIfNeeded: bound) << 8)
            case .maxLength(let bound): mix(3 &+ UInt64(truncatingIfNeeded: bound) << 8)
            case .pattern: mix(4)
            case .allowedValues: mix(5)
            case .type(let found): mix(6 &+ UInt64(found.rawValue.utf8.count) << 8)
            }
            guard let value = shownValue(of: member, in: kept, operation: operation) else { continue }
            value.utf8.withContiguousStorageIfAvailable { bytes in
                mix(UInt64(truncatingIfNeeded: bytes.count))
                if bytes.count >= 8 {
                    let raw = UnsafeRawPointer(bytes.baseAddress!)
                    mix(raw.loadUnaligned(as: UInt64.self))
                    mix(raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
                } else {
                    for byte in bytes { mix(UInt64(byte)) }
                }
            }
        }
        return Int(truncatingIfNeeded: hash >> 17)
    }
}

extension [UInt8] {
    /// Appends a literal's UTF-8 bytes.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends a non-negative integer in decimal.
    mutating func appendDecimal(_ value: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for any Int
        Swift.withUnsafeMutableBytes(of: &digits) { raw in
            var remaining = UInt(value.magnitude)
            var start = raw.count
            repeat {
                start -= 1
                raw[start] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start...]).bindMemory(to: UInt8.self))
        }
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
