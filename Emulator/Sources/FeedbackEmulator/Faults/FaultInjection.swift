import NIOCore
import NIOHTTP1

/// The faults a client's retries are tested against, each off by default:
/// added latency, throttling beyond a rate, and a share of internal errors.
struct FaultInjection: Sendable {
    /// Added to every API answer (waited on the connection's event loop).
    let latency: TimeAmount?
    /// Requests a second beyond which `TooManyRequestsException` answers.
    let bucket: TokenBucket?
    /// The share (0...1) of requests answered `InternalErrorException` (HTTP 500).
    let internalErrorShare: Double

    init(latencyMilliseconds: Int, rate: Double?, internalErrorShare: Double) {
        latency = latencyMilliseconds > 0 ? .milliseconds(Int64(latencyMilliseconds)) : nil
        bucket = rate.map { TokenBucket(rate: $0) }
        self.internalErrorShare = internalErrorShare
    }

    /// The injected fault, if any, of a request answered now (after its
    /// latency: the caller waits it first).
    func fault() -> APIAnswer? {
        if let bucket, !bucket.take() {
            return ServiceAnswer.error(Self.throttled)
        }
        if internalErrorShare > 0, Double.random(in: 0..<1) < internalErrorShare {
            return ServiceAnswer.error(Self.internalError)
        }
        return nil
    }

    static let throttled = ErrorAnswer("TooManyRequestsException", "Rate exceeded")
    static let internalError = ErrorAnswer("InternalErrorException", "Internal error (injected by the emulator)",
                                           status: .internalServerError)
}
