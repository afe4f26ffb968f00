import FeedbackSystem
import FeedbackConformance
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An HTTPS client that runs `curl` once per request, for `https://`
/// endpoints: the real service, and test servers with a private CA.
///
/// It exists because `URLSession` on Linux (corelibs Foundation over
/// libcurl) always loads the system CA bundle and has no way to trust
/// another (`SSL_CERT_FILE` is ignored; the CA-path variable is read only
/// on Android), and because its timeouts and size cap are best effort. Here:
///
/// - the server's certificate is always verified: against the system's CAs,
///   or only against ``caFile`` (`--cacert`); never `--insecure`;
/// - `curl` runs in a process group of its own (``ChildProcess``), reading
///   neither `~/.curlrc` (`-q`) nor anything on its command line that is
///   secret: the headers (a session token among them) arrive on descriptor
///   3 (`--header @/dev/fd/3`), the body on standard input;
/// - every wait is bounded by the deadline, and the group is killed there;
/// - the raw answer (`--include --raw`: heads and body as they came, chunked
///   or not) is read by `HTTPResponseParser` with the same
///   limits as ``SocketHTTPClient``, and `curl` is killed as soon as the
///   answer is whole or too large;
/// - HTTP/1.1 only, HTTPS only (`--proto =https`), no redirects followed,
///   no header of `curl`'s own (`Accept`, `User-Agent`, `Expect`), the
///   request target sent as it is (`--path-as-is`, `--globoff`), a proxy's
///   `CONNECT` answer not shown (`--suppress-connect-headers`); proxies from
///   the environment are honoured except for loopback hosts.
///
/// `curl`'s exit status says why an exchange failed: refused, unresolved,
/// timed out, TLS handshake or an untrusted certificate, closed early.
struct CurlHTTPClient: Sendable {
    /// The `curl` executable.
    let executable: String
    /// A PEM file of the CAs to trust instead of the system's, if any.
    let caFile: String?
    /// The largest body read; a larger one is ``TransportFailure/tooLarge(_:)``.
    let maxAnswerBytes: Int

    /// `curl` on `PATH`, or `nil` when there is none.
    static let located: String? = {
        guard let path = System.environment("PATH") else { return nil }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/curl"
            if System.isExecutable(candidate) { return candidate }
        }
        return nil
    }()

    /// The largest head block handed to `curl` (it is written to a pipe
    /// before `curl` reads it, so it must fit the pipe's buffer).
    static let maxHeaderBytes = 16 * 1024

    /// Sends `request` to `url` (an `https` URL whose path is ignored: the
    /// request's own target is sent) and reads the whole answer, giving up
    /// with `failure` at `deadline` and with `.cancelled` as soon as
    /// `cancelled()` is true (checked every 50 ms).
    func exchange(_ request: WireRequest, to url: URL, until deadline: ContinuousClock.Instant,
                  else failure: TransportFailure, cancelled: @escaping @Sendable () -> Bool)
        -> Result<WireResponse, TransportFailure>
    {
        guard let headers = headerLines(request), let command = command(request, to: url, until: deadline) else {
            return .failure(.invalidRequest)
        }
        guard deadline.pollTimeout(cap: 1) != nil else { return .failure(failure) }
        let child: ChildProcess
        do {
            child = try ChildProcess(command, stdin: .pipe, stdout: .pipe, stderr: .null, extraInput: true)
        } catch {
            return .failure(.other(Int(error.code)))
        }
        defer { child.terminate(grace: 0) }
        var parser = HTTPResponseParser(limits: .init(maxHeadBytes: SocketHTTPClient.maxHeadBytes, maxBodyBytes: maxAnswerBytes),
                                        headRequest: request.method == "HEAD")
        var inputs: [(descriptor: Int32, bytes: [UInt8], written: Int)] = [
            (child.extraInput, headers, 0), (child.input, request.body, 0),
        ]
        while true {
            if cancelled() { return .failure(.cancelled) }
            guard let milliseconds = deadline.pollTimeout(cap: 50) else { return .failure(failure) }
            var descriptors = [PollRequest(child.output, .readable)]
            for input in inputs where input.descriptor >= 0 {
                descriptors.append(PollRequest(input.descriptor, .writable))
            }
            do { _ = try System.poll(&descriptors, milliseconds: milliseconds) } catch {
                return .failure(.other(Int(error.code)))
            }
            for index in inputs.indices where inputs[index].descriptor >= 0 {
                let input = inputs[index]
                guard descriptors.contains(where: { $0.descriptor == input.descriptor && !$0.returned.isEmpty }) else { continue }
                let written = input.bytes[input.written...].withUnsafeBytes { Descriptor(input.descriptor).write($0) }
                if case .moved(let count) = written { inputs[index].written += count }
                if inputs[index].written == input.bytes.count || written.isClosed {
                    if index == 0 { child.closeExtraInput() } else { child.closeInput() }
                    inputs[index].descriptor = -1
                }
            }
            guard !descriptors[0].returned.isEmpty else { continue }
            let (chunk, read) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 65536) { buffer in
                let read = Descriptor(child.output).read(into: buffer)
                guard case .moved(let count) = read else { return ([UInt8](), read) }
                return (Array(UnsafeBufferPointer(rebasing: buffer[..<count])), read)
            }
            switch read {
            case .moved: break
            case .wouldBlock: continue
            case .closed(let error) where error != 0: return .failure(.closed)
            case .closed: break
            }
            do throws(HTTPResponseParser.Failure) {
                if chunk.isEmpty {
                    // The end of curl's output: its exit status says whether the answer ended or broke off.
                    let status = child.waitForExit(max(0, ContinuousClock.now.duration(to: deadline).seconds))
                    switch status {
                    case .exited(0)?: return .success(try parser.finish())
                    case .exited(let code)?: return .failure(reason(forExitStatus: code, timeout: failure))
                    case .signalled?: return .failure(.closed)
                    case nil: return .failure(failure)
                    }
                }
                if let response = try parser.consume(chunk) { return .success(response) }
            } catch {
                switch error {
                case .notHTTP: return .failure(.notHTTP)
                case .closed: return .failure(.closed)
                case .tooLarge(let limit):
                    return .failure(.tooLarge(limit == SocketHTTPClient.maxHeadBytes ? limit : maxAnswerBytes))
                }
            }
        }
    }

    /// The command line that sends `request` to `url`'s host within the
    /// time left until `deadline`: options, the CA file, the URL. It holds
    /// no header and no byte of the body (`ps` shows a command line to
    /// every user). `nil` when `url` has no host.
    func command(_ request: WireRequest, to url: URL, until deadline: ContinuousClock.Instant) -> [String]? {
        guard let host = url.host else { return nil }
        let authority = WireRequest.hostHeader(scheme: "https", host: host, port: url.port)
        let milliseconds = deadline.pollTimeout(cap: .max) ?? 1
        let maxTime = String((Int(milliseconds) + 999) / 1000 + 1)
        var command = [executable, "-q", "--silent", "--include", "--raw", "--http1.1", "--globoff", "--path-as-is",
                       "--proto", "=https", "--tlsv1.2", "--suppress-connect-headers",
                       "--request", request.method, "--header", "@/dev/fd/3", "--data-binary", "@-",
                       "--max-time", maxTime, "--connect-timeout", maxTime,
                       "--max-filesize", String(maxAnswerBytes)]
        if let caFile { command += ["--cacert", caFile] }
        if ServiceEndpoint.isLoopback(host: host) { command += ["--noproxy", "*"] }
        return command + ["--url", "https://\(authority)\(request.path)"]
    }

    /// The headers as `curl` reads them from a file, one `Name: value` per
    /// line, with `curl`'s own removed (`Accept:`, `User-Agent:`, `Expect:`)
    /// and those it sets itself left to it (`Host`, `Content-Length`,
    /// `Connection`); an empty value is written `Name;`, as `curl` wants it.
    /// `nil` when the request cannot be written as HTTP, or the block is
    /// larger than ``maxHeaderBytes``.
    func headerLines(_ request: WireRequest) -> [UInt8]? {
        guard request.isWritableAsHTTP else { return nil }
        var text = "Accept:\nUser-Agent:\nExpect:\n"
        for field in request.headers.fields where !["host", "content-length", "connection"].contains(field.name.lowercased()) {
            text += field.value.isEmpty ? "\(field.name);\n" : "\(field.name): \(field.value)\n"
        }
        let bytes = Array(text.utf8)
        return bytes.count <= Self.maxHeaderBytes ? bytes : nil
    }

    /// What a `curl` exit status means (its man page, "EXIT CODES").
    func reason(forExitStatus code: Int32, timeout: TransportFailure) -> TransportFailure {
        switch code {
        case 6: .unresolved
        case 7: .refused
        case 28: timeout
        case 35, 53, 54, 59, 64, 66, 80: .tlsFailed
        case 51, 58, 60, 77, 83, 90, 91: .untrusted
        case 18, 52, 55, 56: .closed
        case 8: .notHTTP
        case 63: .tooLarge(maxAnswerBytes)
        case 3: .invalidRequest
        default: .other(1000 + Int(code))
        }
    }
}
