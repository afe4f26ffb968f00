import FeedbackRules
import FeedbackSystem
import FeedbackWire

/// Judges request bodies read from files or standard input, as
/// `cognito-feedback lint` does, and writes one result per body.
///
/// ```swift
/// let linter = Linter(operation: .updateAuthEventFeedback, format: .json, jsonLines: true)
/// let summary = linter.lint([.file("bodies.jsonl")], write: { sink.write($0) })
/// summary.exitStatus  // 0 every body valid, 1 some invalid, 2 some input unusable
/// ```
///
/// An input is one body, or a JSON array of bodies, or with
/// ``jsonLines`` one body per line (blank lines skipped). Everything is
/// streamed: memory holds a few blocks of input and the five members'
/// values of the body being judged, whatever the input's size, its line
/// lengths or what else its bodies hold. Depends on the rules and the wire
/// format only.
public struct Linter: Sendable {
    /// The operation the bodies are sent to.
    public var operation: FeedbackOperation
    /// How results are written.
    public var format: LintFormat
    /// Whether each line holds one body (JSON Lines).
    public var jsonLines: Bool
    /// Whether only failures are written (invalid bodies, unusable input).
    public var quiet: Bool
    /// How many threads judge JSON Lines blocks; the results stay in input
    /// order, byte for byte as with one.
    public var jobs: Int
    /// The version the SARIF log names.
    public var toolVersion: String

    /// A linter for `operation`, writing `format`.
    public init(operation: FeedbackOperation, format: LintFormat = .text, jsonLines: Bool = false, quiet: Bool = false,
                jobs: Int = 1, toolVersion: String = "") {
        self.operation = operation
        self.format = format
        self.jsonLines = jsonLines
        self.quiet = quiet
        self.jobs = max(1, jobs)
        self.toolVersion = toolVersion
    }

    /// The number of processors online: the default of `--jobs`.
    public static var processorCount: Int { System.processorCount }

    /// The most threads ``jobs`` starts: with a block of input and its
    /// results in flight per thread, memory stays bounded.
    public static let maximumJobs = 16

    /// How far past a refused JSON line its end is looked for, before the
    /// rest of the input is given up on (an endless stream without LF).
    public static let lineSkipLimit = 256 << 20

    /// Lints `inputs` in order, writing results through `write` (which
    /// says `false` once the output is gone: then the run stops). `write`
    /// is given each block of results (up to 1,024 bodies') as its own
    /// copy.
    public func lint(_ inputs: [LintInput], write: @escaping ([UInt8]) -> Bool) -> LintSummary {
        lint(inputs, unsafeWrite: { write(Array($0)) })
    }

    /// Lints `inputs` in order, lending each block of results to
    /// `unsafeWrite`: the bytes are valid during the call only, and it must
    /// copy what it keeps. No copy is made, so a run allocates nothing per
    /// body: the command line and the benchmarks write this way. Behind an
    /// SPI, and named unsafe, as swift-nio names every API that lends memory.
    @_spi(UnsafeOutput)
    public func lint(_ inputs: [LintInput], unsafeWrite write: @escaping (UnsafeRawBufferPointer) -> Bool) -> LintSummary {
        switch format {
        case .text: LintRun<TextResults>(self, write: write).run(inputs)
        case .json: LintRun<JSONResults>(self, write: write).run(inputs)
        case .github: LintRun<GitHubResults>(self, write: write).run(inputs)
        case .sarif: LintRun<SARIFResults>(self, write: write).run(inputs)
        case .junit: LintRun<JUnitResults>(self, write: write).run(inputs)
        }
    }
}

/// One input of a lint run: a file, or standard input.
public struct LintInput: Sendable {
    /// The path, or `-` for standard input.
    public let path: String
    /// Standard input's descriptor.
    let descriptor: Int32?

    /// Standard input, read from `descriptor`.
    public static func standardInput(_ descriptor: Int32) -> LintInput {
        LintInput(path: "-", descriptor: descriptor)
    }

    /// The file at `path`.
    public static func file(_ path: String) -> LintInput {
        LintInput(path: path, descriptor: nil)
    }

    /// How results name it.
    var name: InputName {
        InputName(display: descriptor == nil ? path : "stdin", isStandardInput: descriptor != nil)
    }
}

/// What a lint run found: every result counted once.
public struct LintSummary: Sendable, Hashable, CustomStringConvertible {
    /// Bodies the service would accept.
    public var valid: Int
    /// Bodies the service would refuse.
    public var invalid: Int
    /// Inputs (files, lines, array elements) that could not be judged.
    public var unusable: Int
    /// Whether a write failed, which stopped the run.
    public var outputFailed: Bool

    /// A summary of these counts.
    public init(valid: Int, invalid: Int, unusable: Int, outputFailed: Bool = false) {
        self.valid = valid
        self.invalid = invalid
        self.unusable = unusable
        self.outputFailed = outputFailed
    }

    /// Results written: bodies judged, and inputs that could not be.
    public var bodies: Int { valid + invalid + unusable }

    /// `0` every body valid, `1` some invalid, `2` some input unusable.
    public var exitStatus: Int32 { unusable > 0 ? 2 : invalid > 0 ? 1 : 0 }

    /// `3 bodies: 1 valid, 1 invalid, 1 unusable`.
    public var description: String {
        "\(bodies) \(bodies == 1 ? "body" : "bodies"): \(valid) valid, \(invalid) invalid, \(unusable) unusable"
    }
}

/// One run of a ``Linter`` with a renderer type: the inputs in order.
private final class LintRun<Renderer: ResultRenderer> {
    private let linter: Linter
    private let output: LintOutput
    private var counts = LintCounts()

    init(_ linter: Linter, write: @escaping (UnsafeRawBufferPointer) -> Bool) {
        self.linter = linter
        output = LintOutput(format: linter.format, write: write)
    }

    func run(_ inputs: [LintInput]) -> LintSummary {
        output.begin(linter.format.header(operation: linter.operation, toolVersion: linter.toolVersion))
        for input in inputs where !output.failed { lint(input) }
        output.finish(header: JUnitResults.header(counts: counts, quiet: linter.quiet, operation: linter.operation),
                      footer: linter.format.footer)
        return LintSummary(valid: counts.valid, invalid: counts.invalid, unusable: counts.unusable, outputFailed: output.failed)
    }

    private func context(_ input: LintInput) -> RenderContext {
        RenderContext(operation: linter.operation, input: input.name, quiet: linter.quiet)
    }

    private func lint(_ input: LintInput) {
        let descriptor: Int32
        if let standardInput = input.descriptor {
            descriptor = standardInput
        } else {
            switch Self.open(input.path) {
            case .success(let opened): descriptor = opened
            case .failure(let failure): return refuse(input, failure.reason)
            }
        }
        defer { if input.descriptor == nil { System.close(descriptor) } }
        let source = InputSource(descriptor: descriptor)
        if linter.jsonLines { lintLines(source, context(input)) } else { lintDocument(source, context(input)) }
    }

    /// An input that could not be read at all.
    private func refuse(_ input: LintInput, _ reason: String) {
        var judge = BodyJudge<Renderer>(context(input))
        let out = ResultBuffer()
        judge.unusable(reason, at: .wholeInput, into: out)
        counts += judge.counts
        output.emit(out)
    }

    /// Opens a file for reading: its descriptor, or why not (a directory,
    /// missing, not allowed).
    private static func open(_ path: String) -> Result<Int32, OpenFailure> {
        let descriptor: Int32
        do { descriptor = try System.open(path, .read) } catch {
            return .failure(OpenFailure(error == .noSuchFile ? "no such file" : "cannot be read (\(error))"))
        }
        if (try? System.status(of: descriptor))?.kind == .directory {
            System.close(descriptor)
            return .failure(OpenFailure("cannot be read (a directory)"))
        }
        return .success(descriptor)
    }

    private struct OpenFailure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    // MARK: One document

    /// The whole input as one document: one body, or an array of bodies
    /// judged as they come.
    private func lintDocument(_ source: InputSource, _ context: RenderContext) {
        var judge = BodyJudge<Renderer>(context)
        let out = ResultBuffer()
        let block = ByteBlock()
        var reader = JSONReader(source.beginDocument(block), source: source)
        do {
            try reader.startDocument()
            if reader.peek() == UInt8(ascii: "[") {
                judge.locatesValues = true
                if try reader.openArray() {
                    repeat {
                        do {
                            try judge.judgeBody(&reader, at: nil, whole: false, into: out)
                        } catch where error.reason == .notObject {
                            judge.unusable(error.description, at: ResultPlace(judge.bodyStart), into: out)
                        }
                        if out.count >= 1 << 16 {
                            guard output.emit(out) else { return }
                            out.removeAll()
                        }
                    } while try reader.nextElement()
                }
                try reader.finishDocument()
            } else {
                try judge.judgeBody(&reader, at: .wholeInput, whole: true, into: out)
            }
        } catch {
            if let failure = source.failure {
                judge.unusable(failure.description, at: .wholeInput, into: out)
            } else if error.reason == .empty {
                judge.unusable(error.description, at: .wholeInput, into: out)
            } else {
                let binary = reader.peekByte(at: error.offset) == 0
                judge.unusable(error.description + (binary ? BodyJudge<Renderer>.binaryNote : ""),
                               at: judge.place(of: error, in: &reader), into: out)
            }
        }
        counts += judge.counts
        output.emit(out)
    }

    // MARK: JSON Lines

    /// A block of lines for a worker.
    private struct Job: @unchecked Sendable {
        let block: ByteBlock
        let firstLine: Int
    }

    /// A worker's results for a block.
    private struct Done: @unchecked Sendable {
        /// The block, its results in ``ByteBlock/results``.
        let block: ByteBlock
        let end: BodyJudge<Renderer>.BlockEnd
        let counts: LintCounts
    }

    /// One body per line, in blocks of whole lines: judged here, or by
    /// ``Linter/jobs`` threads once a second block shows the input is not
    /// small, with the results written in input order either way. A line
    /// longer than a block is streamed, here.
    private func lintLines(_ source: InputSource, _ context: RenderContext) {
        var judge = BodyJudge<Renderer>(context)
        var work: OrderedWork<Job, Done>?
        var free: [ByteBlock] = []
        var submitted = 0, taken = 0
        var line = 1
        var stopped = false, inputEnded = false
        var longLine: ByteBlock?
        defer {
            work?.close()
            counts += judge.counts
        }

        while true {
            while !stopped, !inputEnded, longLine == nil, submitted - taken <= min(linter.jobs, Linter.maximumJobs) {
                let block = free.popLast() ?? ByteBlock()
                switch source.nextBlock(into: block) {
                case .end:
                    inputEnded = true
                    free.append(block)
                case .longLine:
                    longLine = block
                case .lines(let lines):
                    if work == nil, linter.jobs > 1, !source.ended {
                        work = OrderedWork(threads: min(linter.jobs, Linter.maximumJobs)) { [context] in
                            var judge = BodyJudge<Renderer>(context)
                            return { job in
                                judge.counts = LintCounts()
                                job.block.results.removeAll()
                                let end = judge.judgeLines(job.block.bytes, firstLine: job.firstLine, into: job.block.results)
                                return Done(block: job.block, end: end, counts: judge.counts)
                            }
                        }
                    }
                    if let work, work.threadCount > 0 {
                        work.submit(Job(block: block, firstLine: line))
                        submitted += 1
                        line += lines
                    } else {
                        block.results.removeAll()
                        let end = judge.judgeLines(block.bytes, firstLine: line, into: block.results)
                        line += lines
                        if !output.emit(block.results) || end.stops { stopped = true }
                        free.append(block)
                    }
                }
            }
            if taken < submitted, let work {
                let done = work.result(taken)
                taken += 1
                free.append(done.block)
                guard !stopped else { continue }  // past a stop, results are dropped
                counts += done.counts
                if !output.emit(done.block.results) || done.end.stops { stopped = true }
                continue
            }
            if let block = longLine {
                longLine = nil
                free.append(block)
                if !stopped {
                    stopped = !judgeLongLine(block, line: line, source: source, judge: &judge)
                    line += 1
                }
                continue
            }
            break
        }
        if let failure = source.failure, !stopped {
            let out = ResultBuffer()
            judge.unusable(failure.description, at: ResultPlace(line: line, column: nil), into: out)
            output.emit(out)
        }
    }

    /// Streams a line longer than a block: `false` when the input is to be
    /// read no further.
    private func judgeLongLine(_ block: ByteBlock, line: Int, source: InputSource, judge: inout BodyJudge<Renderer>) -> Bool {
        let out = ResultBuffer()
        var reader = JSONReader(source.beginLongLine(block), source: source)
        reader.setStart(TextLocation(line: line, column: 1))
        var goesOn = true
        if case .stops = judge.judgeLine(&reader, line: line, length: nil, into: out) {
            goesOn = false
        } else if !source.skipRestOfLine(limit: Linter.lineSkipLimit) {
            judge.unusable("no end of line within \(Linter.lineSkipLimit >> 20) MiB: the rest of the input is not read",
                           at: ResultPlace(line: line, column: nil), into: out)
            goesOn = false
        }
        source.endLongLine()
        return output.emit(out) && goesOn
    }
}

