import FeedbackRules
import FeedbackSystem
import FeedbackWire

/// Reads bodies, judges them and renders their results: one per thread,
/// keeping what it can reuse from body to body (the member slots, the
/// reader's scratch buffer, the renderer's cache).
struct BodyJudge<Renderer: ResultRenderer> {
    let operation: FeedbackOperation
    private let keys: MemberKeys
    private var kept: KeptMembers
    private var renderer: Renderer
    private var scratch: [UInt8] = []
    /// What was judged so far.
    var counts = LintCounts()
    /// Whether the last line was an unfinished document that is not a
    /// pretty-printed one either: the lines after it are not tried again.
    private var lookedAhead = false

    init(_ context: RenderContext) {
        operation = context.operation
        keys = context.operation.memberKeys
        kept = KeptMembers(count: keys.count)
        kept.locatesValues = Renderer.locatesValues
        renderer = Renderer(context)
    }

    // MARK: One body

    /// Reads the body at `reader`'s next byte, judges it and renders its
    /// result at `place` (`nil`: where the body starts); with `whole`,
    /// nothing but white space may follow.
    mutating func judgeBody(_ reader: inout JSONReader, at place: ResultPlace?, whole: Bool, into out: ResultBuffer) throws(JSONError) {
        try reader.readBody(keys: keys, into: &kept)
        if whole { try reader.finishDocument() }
        judgeKept(at: place ?? ResultPlace(kept.start), into: out)
    }

    /// Judges the body just read and renders its result at `place`.
    private mutating func judgeKept(at place: ResultPlace, into out: ResultBuffer) {
        let failures = operation.failures(of: kept)
        if let errorType = failures.errorType {
            counts.invalid += 1
            renderer.invalid(failures, answered: errorType, at: place, kept: kept, into: out)
        } else {
            counts.valid += 1
            renderer.valid(at: place, into: out)
        }
    }

    /// Renders an input that could not be judged.
    mutating func unusable(_ reason: String, at place: ResultPlace, into out: ResultBuffer) {
        counts.unusable += 1
        renderer.unusable(reason, at: place, into: out)
    }

    /// Whether the reader wants locations of values (array elements do).
    var locatesValues: Bool {
        get { kept.locatesValues }
        set { kept.locatesValues = newValue || Renderer.locatesValues }
    }

    /// Where the last body read started.
    var bodyStart: TextLocation { kept.start }

    // MARK: JSON Lines

    /// How a block of lines ended.
    struct BlockEnd {
        /// The lines it held.
        var lines: Int
        /// Whether the input is to be read no further (a NUL byte).
        var stops: Bool
    }

    /// Judges each line of `block`, whole lines numbered from `firstLine`;
    /// blank lines are skipped.
    mutating func judgeLines(_ block: UnsafeBufferPointer<UInt8>, firstLine: Int, into out: ResultBuffer) -> BlockEnd {
        guard let base = block.baseAddress else { return BlockEnd(lines: 0, stops: false) }
        // Each body is judged before the next is read, and all before the
        // block moves on: its plain strings are read where they lie.
        kept.lend(block)
        defer { kept.endLoan() }
        var start = 0, line = firstLine
        lookedAhead = false  // each block alike, so that the results do not depend on who judged the one before
        // Most lines: read where they are by one reader for the block.
        var lines = JSONReader(block)
        while start < block.count {
            lines.move(to: start)
            if lines.plainLine(line, keys: keys, into: &kept) {
                judgeKept(at: ResultPlace(line: line, column: nil), into: out)
                lookedAhead = false
                line += 1
                start = lines.offset
                continue
            }
            let lineFeed = System.firstIndex(of: 0x0A, in: UnsafeRawBufferPointer(start: base + start, count: block.count - start)).map { start + $0 } ?? block.count
            let end = lineFeed > start && block[lineFeed - 1] == 0x0D ? lineFeed - 1 : lineFeed
            var reader = JSONReader(UnsafeBufferPointer(rebasing: block[start..<end]))
            reader.setStart(TextLocation(line: line, column: 1))
            switch judgeLine(&reader, line: line, length: end - start, into: out) {
            case .done:
                break
            case .stops:
                return BlockEnd(lines: line - firstLine + 1, stops: true)
            case .unfinished(let error):
                if !lookedAhead, let document = Self.document(in: block, from: start) {
                    let last = line + document.lineFeeds
                    unusable("a JSON document over lines \(line)-\(last), not one body per line: drop --jsonl to read the input as one document",
                             at: ResultPlace(line: line, column: 1), into: out)
                    line = last + 1
                    start = document.end
                    continue
                }
                lookedAhead = true
                unusable(error.description, at: place(of: error, in: &reader), into: out)
            }
            line += 1
            start = lineFeed + 1
        }
        return BlockEnd(lines: line - firstLine, stops: false)
    }

    /// How one line went.
    enum LineOutcome {
        /// Judged, refused or blank.
        case done
        /// Refused at a NUL byte: binary input, to be read no further.
        case stops
        /// The line ended inside a value: the start of a pretty-printed
        /// document, perhaps (the error is not rendered yet).
        case unfinished(JSONError)
    }

    /// Judges the one line `reader` holds (`length` bytes, when known).
    mutating func judgeLine(_ reader: inout JSONReader, line: Int, length: Int?, into out: ResultBuffer) -> LineOutcome {
        swap(&reader.scratch, &scratch)
        defer { swap(&reader.scratch, &scratch) }
        do {
            try reader.startDocument()
        } catch {
            return .done  // blank
        }
        do {
            try judgeBody(&reader, at: ResultPlace(line: line, column: nil), whole: true, into: out)
            lookedAhead = false
            return .done
        } catch {
            if error.reason == .syntax, let length, error.offset == length { return .unfinished(error) }
            let binary = reader.peekByte(at: error.offset) == 0
            unusable(error.description + (binary ? Self.binaryNote : ""), at: place(of: error, in: &reader), into: out)
            return binary ? .stops : .done
        }
    }

    /// Where `error` is reported: the body's start for a value that is not
    /// an object (read whole before it is known), else the error's byte.
    mutating func place(of error: JSONError, in reader: inout JSONReader) -> ResultPlace {
        error.reason == .notObject ? ResultPlace(kept.start) : ResultPlace(reader.location(of: error.offset))
    }

    /// What an error at a NUL byte adds.
    static var binaryNote: String { "; a NUL byte: binary input, read no further" }

    /// The JSON value that starts at `start` in `block` and runs over
    /// several lines, ending where a line does: where that line ends (after
    /// its LF) and how many LFs the value holds. `nil` when there is none.
    static func document(in block: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, lineFeeds: Int)? {
        let rest = UnsafeBufferPointer(rebasing: block[start...])
        var reader = JSONReader(rest)
        do {
            try reader.startDocument()
            try reader.skipValue()
        } catch {
            return nil
        }
        var end = reader.offset
        while end < rest.count, rest[end] == 0x20 || rest[end] == 0x09 || rest[end] == 0x0D { end += 1 }
        guard end == rest.count || rest[end] == 0x0A else { return nil }
        let lineFeeds = rest[..<end].count { $0 == 0x0A }
        return lineFeeds > 0 ? (start + min(end + 1, rest.count), lineFeeds) : nil
    }
}
