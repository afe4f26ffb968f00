import FeedbackRules
import FeedbackWire
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Judges request bodies read from a file descriptor, as `cognito-feedback
/// lint` does, and writes one result per body.
///
/// ```swift
/// let linter = Linter(operation: .updateAuthEventFeedback, format: .json)
/// let status = linter.lintLines(from: descriptor, source: "bodies.jsonl", write: { out += $0; return true }, complain: { print($0) })
/// ```
///
/// Depends on the rules and the wire format only. Exit statuses: 0 every
/// body valid, 1 some body invalid, 2 some input unusable.
public struct Linter: Sendable {
    /// The operation the bodies are sent to.
    public var operation: FeedbackOperation
    /// How results are written.
    public var format: LintFormat

    /// A linter for `operation`, writing `format`.
    public init(operation: FeedbackOperation, format: LintFormat) {
        self.operation = operation
        self.format = format
    }

    /// Reads one body, whole, from `descriptor`, and writes its result.
    /// `complain` receives one line for an unusable input (it never quotes it).
    public func lintBody(from descriptor: Int32, source: String, write: ([UInt8]) -> Bool,
                         complain: (String) -> Void) -> Int32 {
        let report: ValidationReport
        do {
            report = try operation.validate(json: try InputReader(descriptor: descriptor).readAll())
        } catch let failure as InputError {
            complain("\(source): \(failure)")
            return 2
        } catch {
            complain("\(source): \(error)")
            return 2
        }
        var out: [UInt8] = []
        format.render(report, source: source, line: nil, into: &out)
        _ = write(out)  // a failed write is the caller's to report
        return report.isValid ? 0 : 1
    }

    /// One body per line; the worst outcome sets the exit status. Results
    /// are written in chunks of about 64 KiB, in order; once `write` says
    /// the output is gone (`false`), reading stops.
    public func lintLines(from descriptor: Int32, source: String, write: ([UInt8]) -> Bool,
                          complain: (String) -> Void) -> Int32 {
        var reader = LineReader(descriptor: descriptor)
        var status: Int32 = 0
        var number = 0
        var unusable = 0
        var out: [UInt8] = []
        out.reserveCapacity(1 << 17)
        /// `false` once the output is gone: then reading stops.
        func flush() -> Bool {
            defer { out.removeAll(keepingCapacity: true) }
            return out.isEmpty || write(out)
        }
        while true {
            let line: [UInt8]
            do {
                guard let next = try reader.next() else { break }
                line = next
            } catch let failure {
                _ = flush()
                complain("\(source): after line \(number): \(failure)")
                return 2
            }
            number += 1
            do {
                let report = try operation.validate(json: line)
                format.render(report, source: source, line: number, into: &out)
                if !report.isValid { status = max(status, 1) }
            } catch let failure {
                unusable += 1
                format.renderUnusable(failure.description, source: source, line: number, into: &out)
                status = 2
            }
            if out.count >= 1 << 16, !flush() { return status }
        }
        guard flush() else { return status }
        if unusable > 0 {
            complain("\(source): \(unusable) of \(number) lines could not be judged")
        }
        return status
    }
}
