import FeedbackConformance
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Recorded exchanges judged again, offline, against the current vectors:
/// `conform replay`. A recorded answer becomes a `WireResponse`
/// (``RecordedExchange/answer``) judged by the same
/// `Vector/judge(_:strict:unknownOperation:quoting:messageWithheld:)` as a
/// live run, with the recorded probes as the answers to a missing
/// operation, so a vector changed in a way the evidence contradicts fails.
///
/// ```swift
/// let replay = Replay(exchanges: try Replay.read("Conformance/recordings/us-east-1.jsonl"))
/// let run = replay.judge(library.vectors(for: .server), strict: true)
/// run.results.filter { $0.verdict != .pass }
/// ```
///
/// For each vector, the last exchange recorded for it counts (a later file
/// may add to or redo an earlier one). A vector whose request body is no
/// longer the one recorded (its SHA-256 differs) is not judged: the
/// evidence is about another request; a note names it. So is a vector
/// with no exchange. A message the recording withheld (it held a sensitive
/// value) cannot be compared: the case is judged by everything else,
/// `strict` included, with a note. An answer the recording found quoting a
/// sensitive value fails as it did live.
public struct Replay: Sendable {
    /// The largest recording file read.
    public static let maxFileBytes = 64 << 20

    /// The exchanges, in the order recorded.
    public let exchanges: [RecordedExchange]

    /// A replay of `exchanges`.
    public init(exchanges: [RecordedExchange]) {
        self.exchanges = exchanges
    }

    /// Whether the recordings are of the reference (the real service):
    /// then a failing case is a dispute.
    public var isReference: Bool { exchanges.contains(where: \.reference) }

    /// The endpoints the exchanges went to, in the order first seen.
    public var endpoints: [String] {
        var seen: [String] = []
        for exchange in exchanges where !seen.contains(exchange.endpoint) { seen.append(exchange.endpoint) }
        return seen
    }

    /// Reads a recording: one ``RecordedExchange`` per line (blank lines skipped).
    /// - Throws: ``RecordingError`` naming the file, and the line for a bad one.
    public static func read(_ path: String) throws(RecordingError) -> [RecordedExchange] {
        let data: [UInt8]
        do { data = try FileBytes.contents(of: path, limit: maxFileBytes) } catch {
            switch error {
            case .missing, .directory, .unopenable: throw RecordingError("\(path): no such file")
            case .unreadable: throw RecordingError("\(path): cannot be read")
            case .tooLarge: throw RecordingError("\(path): larger than \(maxFileBytes) bytes")
            }
        }
        var exchanges: [RecordedExchange] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            guard trimmed.contains(where: { ![0x20, 0x09].contains($0) }) else { continue }
            do { exchanges.append(try RecordedExchange(jsonLine: trimmed)) } catch {
                throw RecordingError("\(path), line \(number + 1): \(error)")
            }
        }
        guard !exchanges.isEmpty else { throw RecordingError("\(path): no exchange recorded") }
        return exchanges
    }

    /// Judges every server vector among `vectors` that has a recorded
    /// exchange, in vector order, as a live run would have (`strict`: also
    /// the messages).
    public func judge(_ vectors: [Vector], strict: Bool) -> ServerRun {
        var last: [String: RecordedExchange] = [:]
        var probes: [Bool: WireResponse] = [:]
        var traffic = ConformanceReport.Traffic()
        for exchange in exchanges {
            traffic.requests += 1
            if exchange.attempt > 1 { traffic.retries += 1 }
            if case .success(let answer) = exchange.answer {
                if RetryPolicy.isThrottling(answer) { traffic.throttled += 1 }
                if answer.statusKind == .serverError { traffic.serverErrors += 1 }
            }
            switch exchange.subject {
            case .vector(let id): last[id] = exchange
            case .probe(let signed):
                // As in a live run: the last attempt counts, and a throttled or failed one says nothing of missing operations.
                if case .success(let answer) = exchange.answer, ServerRunner.standsForMissingOperation(answer) {
                    probes[signed] = answer
                } else {
                    probes[signed] = nil
                }
            }
        }
        var results: [CaseResult] = []
        var requestIds: [String: String] = [:]
        var missing = 0, withheld = 0
        var stale: [String] = []
        let cases = vectors.filter { $0.appliesTo.contains(.server) }
        for vector in cases {
            guard let exchange = last[vector.id] else { missing += 1; continue }
            guard exchange.requestSha256 == SHA256.hex(SHA256.hash(vector.wireBytes)) else { stale.append(vector.id); continue }
            var result: CaseResult
            switch exchange.answer {
            case .success(let answer):
                result = vector.judge(answer, strict: strict, unknownOperation: probes[vector.operation.isSigned],
                                      quoting: exchange.quoted.flatMap(Member.init(wireName:)),
                                      messageWithheld: exchange.messageWithheld)
                if exchange.messageWithheld, vector.expected?.message != nil {
                    withheld += 1
                    result.notes.append("message not compared: the recording withheld it (it held a sensitive value)")
                }
                if let id = exchange.requestId { requestIds[vector.id] = id }
            case .failure(let failure):
                result = CaseResult(id: vector.id, verdict: .error, expected: ServerJudge().expectation(for: vector), got: failure.description)
            }
            if exchange.attempt > 1 { result.notes.append(ServerRunner.retriedNote(exchange.attempt - 1)) }
            result.milliseconds = exchange.milliseconds
            results.append(result)
        }
        var notes: [String] = []
        let known = Set(vectors.map(\.id))
        let unknown = Set(last.keys).subtracting(known).count
        if missing > 0 { notes.append("\(missing) selected vector\(missing == 1 ? " has" : "s have") no recorded exchange: not judged") }
        if !stale.isEmpty {
            notes.append("\(stale.count) vector\(stale.count == 1 ? "'s request has" : "s' requests have") changed since recorded "
                + "(the evidence is about another body): not judged; record again: " + stale.prefix(20).joined(separator: ", ")
                + (stale.count > 20 ? ", ..." : ""))
        }
        if withheld > 0 { notes.append("\(withheld) recorded message\(withheld == 1 ? " was" : "s were") withheld (a sensitive value): compared by error type only") }
        if unknown > 0 { notes.append("\(unknown) recorded vector id\(unknown == 1 ? " is" : "s are") not among the vectors selected") }
        return ServerRun(results: results, requestIds: requestIds, traffic: traffic, notes: notes)
    }
}
