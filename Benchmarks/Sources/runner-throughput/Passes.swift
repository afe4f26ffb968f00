import FeedbackConformance
@_spi(Benchmarks) import FeedbackRunner
import Foundation

/// One timed pass over every server vector, by the runner or by the
/// baseline, against the same endpoint and with the same requests.
struct Passes {
    /// The server vectors.
    let vectors: [Vector]
    /// The request of each vector, built once, as the runner builds it:
    /// the operation's awsJson1.1 request with the vector's wire bytes,
    /// SigV4-signed for the Admin operation (test credentials, `us-east-1`).
    let requests: [WireRequest]
    /// The loopback server.
    let endpoint: URL

    /// The requests for `vectors` sent to `endpoint`.
    init(vectors: [Vector], endpoint: URL) {
        let host = "\(endpoint.host ?? ""):\(endpoint.port ?? 80)"
        self.vectors = vectors
        self.endpoint = endpoint
        requests = vectors.map { vector in
            let request = WireRequest(vector.operation, body: vector.wireBytes)
            guard vector.operation.isSigned else { return request }
            return SigV4.sign(request, host: host, credentials: .test, region: "us-east-1")
        }
    }

    /// The runner's options at `concurrency`; everything else as the CLI's defaults.
    private func options(_ concurrency: Int) -> ServerRunner.Options {
        ServerRunner.Options(endpoint: endpoint, concurrency: concurrency)
    }

    /// A conformance run (`ServerRunner.run`): the two probes, each vector's
    /// request built and signed, sent, judged, and the results. Stops the
    /// program unless every vector that allows a valid answer, or whose
    /// refusal is only inferred (reported, never failed), passes and every
    /// other one fails, as against any server that accepts everything.
    func runner(concurrency: Int) async -> Stopwatch.Reading {
        let (results, reading) = await Stopwatch.time { await ServerRunner(options: options(concurrency)).run(vectors) }
        precondition(results.count == vectors.count, "the runner returned \(results.count) results")
        for (vector, result) in zip(vectors, results) where result.verdict != (vector.allowsValidAnswer || vector.expectationSeverity == .inferred ? .pass : .fail) {
            fatalError("runner: \(vector.id) came to \(result.verdict): \(result.got ?? "")")
        }
        return reading
    }

    /// The baseline (`ServerRunner.send`): the same requests through the
    /// same transport and dispatch, nothing built, judged or reported.
    /// Stops the program unless every answer is an HTTP 200.
    func baseline(concurrency: Int) async -> Stopwatch.Reading {
        let (answers, reading) = await Stopwatch.time { await ServerRunner(options: options(concurrency)).send(requests) }
        for (vector, answer) in zip(vectors, answers) {
            switch answer {
            case .success(let answer) where answer.status == 200: continue
            case .success(let answer): fatalError("baseline: \(vector.id) got HTTP \(answer.status)")
            case .failure(let failure): fatalError("baseline: \(vector.id): \(failure)")
            }
        }
        return reading
    }
}
