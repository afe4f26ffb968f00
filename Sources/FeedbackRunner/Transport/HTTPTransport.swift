import FeedbackConformance
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization
import FeedbackSystem

/// Why an HTTP exchange gave no usable answer. Descriptions name the kind of
/// failure only, never a request or answer byte.
public enum TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing listens at the endpoint.
    case refused
    /// No whole answer within the per-request timeout, in seconds.
    case timedOut(Int)
    /// The connection was closed or reset before a whole answer arrived.
    case closed
    /// The server answered with bytes that are not HTTP.
    case notHTTP
    /// The answer was larger than the limit, in bytes; reading stopped there.
    case tooLarge(Int)
    /// The whole run's deadline passed before the case finished.
    case runDeadline
    /// The run was cancelled.
    case cancelled
    /// The endpoint's host name does not resolve.
    case unresolved
    /// The request cannot be sent as it is: a method, target or header holds
    /// a line break or NUL (e.g. an endpoint path with an encoded CR LF).
    case invalidRequest
    /// The TLS handshake failed (no common protocol or cipher, or the
    /// server is not speaking TLS).
    case tlsFailed
    /// The server's certificate is not trusted: no trusted CA signed it,
    /// or it does not name the host (pass the CA with `--ca-file`).
    case untrusted
    /// Not sent: the run's cap on requests was reached.
    case requestCap(Int)
    /// Not sent: this many requests in a row got no answer, so the run
    /// stopped sending.
    case silent(Int)
    /// Not sent: this many answers in a row were throttling, so the run
    /// stopped sending (``RetryPolicy/maxThrottled``).
    case throttled(Int)
    /// Not sent: the run stopped (its recording could not be written).
    case stopped
    /// Not sent: an `https://` endpoint needs the `curl` executable on `PATH`.
    case needsCurl
    /// Not sent: no client for the endpoint's scheme (`http://` and
    /// `https://` only; `http://` on Linux).
    case unsupportedEndpoint
    /// Any other failure, by its `errno` (`curl`'s exit status plus 1000).
    case other(Int)

    public var description: String {
        switch self {
        case .refused: "connection refused"
        case .timedOut(let seconds): "timed out after \(seconds) s"
        case .closed: "connection closed or reset before a whole answer"
        case .notHTTP: "not an HTTP answer"
        case .tooLarge(let limit): "answer larger than \(limit) bytes"
        case .runDeadline: "run deadline passed"
        case .cancelled: "cancelled"
        case .unresolved: "host name not resolved"
        case .invalidRequest: "the request holds a line break or NUL where HTTP cannot carry one"
        case .tlsFailed: "TLS handshake failed"
        case .untrusted: "the server's TLS certificate is not trusted for its name (see --ca-file)"
        case .requestCap(let cap): "not sent: the run's cap of \(cap) requests was reached"
        case .silent(let count): "not sent: the last \(count) requests got no answer"
        case .throttled(let count): "not sent: the last \(count) answers were throttling"
        case .stopped: "not sent: the run stopped"
        case .needsCurl: "not sent: https needs curl on PATH"
        case .unsupportedEndpoint: "not sent: no client for this endpoint (http or https)"
        case .other(let code): "transport error (code \(code))"
        }
    }

    /// Whether the server said nothing at all: nothing listens, the name
    /// does not resolve, or no answer came in time.
    public var isSilence: Bool {
        switch self {
        case .refused, .unresolved, .timedOut: true
        default: false
        }
    }
}

/// Sends requests with a hard deadline per request and a cap on answer
/// size, which a hanging, trickling or flooding server cannot defeat.
///
/// `http://` endpoints go through ``SocketHTTPClient``, which is exact about
/// both. `https://` endpoints (the real service, TLS test servers) go
/// through ``CurlHTTPClient`` (one `curl` process per request, exact too,
/// trusting the system's CAs or only a given CA file); without `curl` they
/// fail with ``TransportFailure/needsCurl``. Nothing here links libcurl or
/// Foundation's networking, so the tool builds as one static executable.
/// Redirects are not followed: the redirect itself is the answer.
final class HTTPTransport: Sendable {
    private let maxAnswerBytes: Int
    /// The client for `https://`, when `curl` is there.
    private let curl: CurlHTTPClient?

    /// A transport whose answers are cut at `maxAnswerBytes`; `https` goes
    /// through `curl` (the executable's path) when given, trusting only
    /// `caFile` when given.
    init(maxAnswerBytes: Int, curl: String? = CurlHTTPClient.located, caFile: String? = nil) {
        self.maxAnswerBytes = maxAnswerBytes
        self.curl = curl.map { CurlHTTPClient(executable: $0, caFile: caFile, maxAnswerBytes: maxAnswerBytes) }
    }

    /// Sends `request` to `url` and waits for the whole answer, at most
    /// `seconds` (else `failure`, normally `.timedOut`).
    func send(_ request: WireRequest, to url: URL, within seconds: Double, else failure: TransportFailure) async
        -> Result<WireResponse, TransportFailure>
    {
        guard seconds > 0 else { return .failure(failure) }
        guard request.isWritableAsHTTP else { return .failure(.invalidRequest) }
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
        switch url.scheme?.lowercased() {
        case "http"?:
            guard let host = url.host else { break }
            let client = SocketHTTPClient(host: host, port: url.port ?? 80, hostHeader: Self.hostHeader(url),
                                          maxAnswerBytes: maxAnswerBytes)
            return await Self.onOwnThread { cancelled in
                client.exchange(request, until: deadline, else: failure, cancelled: cancelled)
            }
        case "https"?:
            guard let curl else { return .failure(.needsCurl) }
            return await Self.onOwnThread { cancelled in
                curl.exchange(request, to: url, until: deadline, else: failure, cancelled: cancelled)
            }
        default:
            break
        }
        return .failure(.unsupportedEndpoint)
    }

    /// Runs a blocking exchange (bounded by its deadline) on a thread of its
    /// own: the cooperative pool and libdispatch's global queues have only
    /// as many threads as cores. Task cancellation sets the flag it polls.
    private static func onOwnThread(
        _ exchange: @escaping @Sendable (_ cancelled: @escaping @Sendable () -> Bool) -> Result<WireResponse, TransportFailure>
    ) async -> Result<WireResponse, TransportFailure> {
        let flag = CancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                guard SystemThread.detach({ continuation.resume(returning: exchange { flag.isSet }) }) else {
                    continuation.resume(returning: .failure(.other(Int(SystemError.tryAgain.code))))
                    return
                }
            }
        } onCancel: {
            flag.set()
        }
    }

    /// The `Host` header for `url` (`WireRequest/hostHeader(scheme:host:port:)`).
    static func hostHeader(_ url: URL) -> String {
        WireRequest.hostHeader(scheme: url.scheme ?? "https", host: url.host ?? "", port: url.port)
    }
}

/// A flag set once, from any thread.
final class CancellationFlag: Sendable {
    private let value = Atomic(false)
    /// Whether ``set()`` was called.
    var isSet: Bool { value.load(ordering: .acquiring) }
    /// Sets the flag.
    func set() { value.store(true, ordering: .releasing) }
}
