import FeedbackConformance
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
    /// Any other failure, by its `URLError` code or `errno` (`curl`'s exit
    /// status plus 1000).
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

    /// The failure `URLSession` reports as `error`.
    init(_ error: any Error, timeout: Int) {
        guard let error = error as? URLError else {
            self = .other(0)
            return
        }
        switch error.code {
        case .cannotConnectToHost: self = .refused
        case .cannotFindHost, .dnsLookupFailed: self = .unresolved
        case .timedOut: self = .timedOut(timeout)
        case .networkConnectionLost: self = .closed
        // libcurl refuses an HTTP/0.9-looking answer as an unsupported protocol.
        case .badServerResponse, .cannotParseResponse, .zeroByteResource, .unsupportedURL: self = .notHTTP
        case .cancelled: self = .cancelled
        case .serverCertificateUntrusted, .serverCertificateHasUnknownRoot, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid: self = .untrusted
        case .secureConnectionFailed: self = .tlsFailed
        default: self = .other(error.code.rawValue)
        }
    }
}

/// Sends requests with a hard deadline per request and a cap on answer
/// size, which a hanging, trickling or flooding server cannot defeat.
///
/// `http://` endpoints go through ``SocketHTTPClient``, which is exact about
/// both. `https://` endpoints (the real service, TLS test servers) go
/// through ``CurlHTTPClient`` (one `curl` process per request, exact too,
/// trusting the system's CAs or only a given CA file) when `curl` is
/// installed. Without `curl`, they go through `URLSession`, which trusts
/// the system's CAs only, and whose request timeout is only an idle
/// timeout in whole seconds, so each exchange also gets a wall-clock timer
/// that ends it; answers are read through a data delegate that cancels the
/// task past the cap. On Linux that cancellation is best effort: corelibs
/// Foundation may keep reading a flood in the background, although the
/// exchange has already ended with ``TransportFailure/tooLarge(_:)``.
/// Redirects are not followed: the redirect itself is the answer.
final class HTTPTransport: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Int: Exchange] = [:]
    private var session: URLSession?
    private let timeout: Int
    private let maxAnswerBytes: Int
    /// The client for `https://`, when `curl` is there.
    private let curl: CurlHTTPClient?

    private struct Exchange {
        let continuation: CheckedContinuation<Result<WireResponse, TransportFailure>, Never>
        let task: URLSessionDataTask
        var response: HTTPURLResponse?
        var body: [UInt8] = []
    }

    /// A transport whose requests time out after `timeout` whole seconds
    /// (at least 1) and whose answers are cut at `maxAnswerBytes`; `https`
    /// goes through `curl` (the executable's path) when given, trusting
    /// only `caFile` when given, else through `URLSession`.
    init(timeout: Int, maxAnswerBytes: Int, connections: Int, curl: String? = CurlHTTPClient.located, caFile: String? = nil) {
        self.timeout = max(1, timeout)
        self.maxAnswerBytes = maxAnswerBytes
        self.curl = curl.map { CurlHTTPClient(executable: $0, caFile: caFile, maxAnswerBytes: maxAnswerBytes) }
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = TimeInterval(self.timeout)
        configuration.timeoutIntervalForResource = TimeInterval(self.timeout + 1)
        configuration.httpMaximumConnectionsPerHost = max(1, connections)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
    }

    /// Ends the session; exchanges still running are cancelled.
    func close() {
        lock.withLock { session }?.invalidateAndCancel()
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
        #if canImport(Glibc)
        case "http"?:
            guard let host = url.host else { break }
            let client = SocketHTTPClient(host: host, port: url.port ?? 80, hostHeader: Self.hostHeader(url),
                                          maxAnswerBytes: maxAnswerBytes)
            return await Self.onOwnThread { cancelled in
                client.exchange(request, until: deadline, else: failure, cancelled: cancelled)
            }
        #endif
        case "https"?:
            guard let curl else { break }
            return await Self.onOwnThread { cancelled in
                curl.exchange(request, to: url, until: deadline, else: failure, cancelled: cancelled)
            }
        default:
            break
        }
        return await sendWithURLSession(request, to: url, within: seconds, else: failure)
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
                Thread { continuation.resume(returning: exchange { flag.isSet }) }.start()
            }
        } onCancel: {
            flag.set()
        }
    }

    /// The `Host` header for `url` (`WireRequest/hostHeader(scheme:host:port:)`).
    static func hostHeader(_ url: URL) -> String {
        WireRequest.hostHeader(scheme: url.scheme ?? "https", host: url.host ?? "", port: url.port)
    }

    private func sendWithURLSession(_ request: WireRequest, to url: URL, within seconds: Double,
                                    else failure: TransportFailure) async -> Result<WireResponse, TransportFailure> {
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        for field in request.headers.fields { urlRequest.addValue(field.value, forHTTPHeaderField: field.name) }
        urlRequest.httpBody = Data(request.body)
        let prepared = urlRequest
        guard let session = lock.withLock({ session }) else { return .failure(.cancelled) }
        let ids = IDBox()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // `dataTask(with:)` can block while the session's work queue is busy: not on the cooperative pool.
                DispatchQueue.global().async { [self] in
                    let task = session.dataTask(with: prepared)
                    let id = task.taskIdentifier
                    lock.withLock { pending[id] = Exchange(continuation: continuation, task: task) }
                    ids.set(id)
                    if ids.cancelled { abort(id, .cancelled); return }
                    DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [weak self] in
                        self?.abort(id, failure)
                    }
                    task.resume()
                }
            }
        } onCancel: {
            if let id = ids.cancel() { abort(id, .cancelled) }
        }
    }

    /// Ends exchange `id` with `failure`, if it is still running.
    private func abort(_ id: Int, _ failure: TransportFailure) {
        guard let exchange = lock.withLock({ pending.removeValue(forKey: id) }) else { return }
        exchange.task.cancel()
        exchange.continuation.resume(returning: .failure(failure))
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        // Always `.allow`, then cancel the task: corelibs Foundation ignores
        // `.cancel` here and reads the whole body (2 GiB in a test).
        let id = dataTask.taskIdentifier
        completionHandler(.allow)
        guard let http = response as? HTTPURLResponse else {
            abort(id, .notHTTP)
            return
        }
        if http.expectedContentLength > Int64(maxAnswerBytes) {
            abort(id, .tooLarge(maxAnswerBytes))
            return
        }
        lock.withLock { pending[id]?.response = http }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let tooLarge = lock.withLock { () -> Bool in
            guard pending[id] != nil else { return false }
            pending[id]!.body.append(contentsOf: data)
            return pending[id]!.body.count > maxAnswerBytes
        }
        if tooLarge { abort(id, .tooLarge(maxAnswerBytes)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let exchange = lock.withLock({ pending.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let error {
            exchange.continuation.resume(returning: .failure(TransportFailure(error, timeout: timeout)))
            return
        }
        guard let response = exchange.response ?? (task.response as? HTTPURLResponse) else {
            exchange.continuation.resume(returning: .failure(.notHTTP))
            return
        }
        var headers = HeaderFields()
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers.fields.append(.init(name: name, value: value)) }
        }
        headers.fields.sort { $0.name.lowercased() < $1.name.lowercased() }
        exchange.continuation.resume(returning: .success(WireResponse(status: response.statusCode, headers: headers, body: exchange.body)))
    }
}

/// A flag set once, from any thread.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    /// Whether ``set()`` was called.
    var isSet: Bool { lock.withLock { value } }
    /// Sets the flag.
    func set() { lock.withLock { value = true } }
}

/// The id of a `URLSession` task created later than its cancellation handler
/// may run.
private final class IDBox: @unchecked Sendable {
    private let lock = NSLock()
    private var id: Int?
    private var wasCancelled = false
    /// Records the id.
    func set(_ id: Int) { lock.withLock { self.id = id } }
    /// Whether cancellation came first.
    var cancelled: Bool { lock.withLock { wasCancelled } }
    /// Marks cancellation; returns the id if already known.
    func cancel() -> Int? { lock.withLock { wasCancelled = true; return id } }
}
