import FeedbackRules
import FeedbackSigning
import FeedbackWire
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Judges what a client did for one ``ClientCase``: pure, no I/O.
///
/// The rules (see `Conformance/PROTOCOL.md`, "How outcomes are judged"):
/// - A local rejection fails a `valid` case; for an invalid or acceptable
///   one it passes with the note `lints locally` (clients need not validate).
/// - A sent request must be exact: `POST`, path `/`, one `X-Amz-Target` of
///   the operation, `Content-Type: application/x-amz-json-1.1` (no
///   parameters), and a JSON body whose members are exactly the parameters,
///   scalar for scalar (no normalisation, trimming, case change or loss) and
///   nothing else.
/// - `UpdateAuthEventFeedback` carries no `Authorization` header (signing it
///   is a `protocol` deviation: today's model allows it); the Admin
///   operation carries a SigV4 signature that verifies against the run's
///   credentials (`SigV4.verify(_:host:credentials:)`).
/// - The client surfaces the canned response as the case says: success, or
///   the error's short type name, byte for byte.
///
/// ```swift
/// let judge = ClientJudge(credentials: .test)
/// let result = judge.judge(.sent(SentRequest(request: request, host: host, surfaced: .success)), of: item)
/// result.verdict  // .pass, or .fail with the reasons in `got`
/// ```
///
/// Results name members, headers, constraint kinds and error types only;
/// never a parameter's value nor the client's own messages.
public struct ClientJudge: Judge {
    /// The credentials the client was given, to verify Admin signatures.
    public var credentials: AWSCredentials
    /// The region the client was configured with: the signature's scope
    /// must name it.
    public var region: String
    /// The host the client was configured to call (the `Host` header a
    /// request must carry): the endpoint's, e.g. `cognito-idp.us-east-1.amazonaws.com`.
    public var host: String
    /// The current time, against which `X-Amz-Date` is checked.
    public var clock: @Sendable () -> Date
    /// Whether `protocol` deviations fail a case too (`--strict`); by
    /// default only `service` ones do.
    public var strict: Bool

    /// A judge for clients given `credentials`, `region` and the endpoint
    /// `host` (by default the region's: `cognito-idp.<region>.amazonaws.com`).
    public init(credentials: AWSCredentials = .test, region: String = "us-east-1", host: String? = nil,
                clock: @escaping @Sendable () -> Date = Date.init, strict: Bool = false) {
        self.credentials = credentials
        self.strict = strict
        self.region = region
        self.host = host ?? "cognito-idp.\(region).amazonaws.com"
        self.clock = clock
    }

    /// The service name in SigV4 scopes.
    public static let service = "cognito-idp"

    /// The verdict on `outcome` for `item`, with what was expected, what the
    /// client did, its deviations (each with its cause and severity) and
    /// notes.
    ///
    /// The request (method, path, target, content type, host, body) and its
    /// authentication are judged apart: a signed `UpdateAuthEventFeedback`
    /// whose body is exact is one `protocol` deviation
    /// (`signs-optional-auth-operation`), not a body failure. The verdict is
    /// `fail` when a deviation fails at this judge's threshold
    /// (``Severity/failsRun(strict:)``).
    public func judge(_ outcome: ClientOutcome, of item: ClientCase) -> CaseResult {
        judge(item, outcome)
    }

    /// ``judge(_:of:)``, with the time the case took.
    package func judge(_ item: ClientCase, _ outcome: ClientOutcome, milliseconds: Double = 0) -> CaseResult {
        let expected = expectation(for: item)
        switch outcome {
        case .rejected:
            if item.result == .valid {
                let deviation = Deviation(finding: "rejects-valid-request-locally", severity: item.expectationSeverity,
                                          detail: "rejected a valid request locally")
                return verdict(CaseResult(id: item.id, verdict: .pass, expected: expected, got: deviation.detail,
                                          milliseconds: milliseconds, deviations: [deviation]))
            }
            return CaseResult(id: item.id, verdict: .pass, expected: expected, got: "rejected locally",
                              notes: ["lints locally"], milliseconds: milliseconds)
        case .unsupported(let reason):
            return CaseResult(id: item.id, verdict: .unimplemented, expected: expected,
                              got: "unsupported" + (reason.isEmpty ? "" : ": \(reason)"), milliseconds: milliseconds,
                              deviations: [Deviation(finding: FindingCatalog.notImplemented, severity: .service,
                                                     detail: "the client lacks the operation")])
        case .sent(let sent):
            let deviations = self.deviations(item, sent)
            let got = deviations.isEmpty ? "sent the exact request; surfaced \(Self.shown(sent.surfaced))"
                : deviations.map(\.detail).joined(separator: "; ")
            return verdict(CaseResult(id: item.id, verdict: .pass, expected: expected, got: got, milliseconds: milliseconds,
                                      deviations: deviations))
        }
    }

    /// `result` with the verdict its deviations give at this judge's threshold.
    private func verdict(_ result: CaseResult) -> CaseResult {
        var result = result
        result.verdict = result.deviations.contains { $0.severity.failsRun(strict: strict) } ? .fail : .pass
        for deviation in result.deviations where !deviation.severity.failsRun(strict: strict) {
            result.notes.append("\(deviation.severity.rawValue): \(deviation.finding)")
        }
        return result
    }

    /// Every way `sent` departs from what `item` requires, by cause; empty
    /// when none.
    func deviations(_ item: ClientCase, _ sent: SentRequest) -> [Deviation] {
        var deviations = Self.headerProblems(item.operation, sent.request)
        deviations += hostProblems(sent)
        deviations += Self.bodyProblems(item, sent.request.body)
        deviations += signatureProblems(item.operation, sent)
        if !sent.surfaced.matches(item.surfaces) {
            let status = String(item.response.status)
            let shown = sent.surfaced == .error(status) && ClientJudge.scrub(status, of: item) != nil
                ? "the HTTP status \(status) as the error type" : Self.shown(sent.surfaced)
            let detail = "surfaced \(shown) instead of \(Self.shown(item.surfaces))"
            switch (item.surfaces, sent.surfaced, item.form) {
            case (.success, _, _), (_, .success, _):
                deviations.append(Deviation(finding: "surfaces-wrong-outcome", severity: .service, detail: detail))
            case (_, _, .header?), (_, _, .code?):
                // Cognito always names the type in the body's __type: a client that reads only
                // __type misses nothing the service sends.
                deviations.append(Deviation(finding: "reads-error-type-only-from-type-member", severity: .protocol, detail: detail))
            case (_, _, .namespaced?):
                deviations.append(Deviation(finding: "misreads-namespaced-error-type", severity: .protocol, detail: detail))
            case (_, _, .suffixed?), (_, _, .namespacedSuffixed?):
                deviations.append(Deviation(finding: "misreads-suffixed-error-type", severity: .protocol, detail: detail))
            case (_, _, .plain?), (_, _, nil):
                deviations.append(Deviation(finding: "misreads-error-type", severity: .service, detail: detail))
            }
        }
        return deviations
    }

    /// What `item` expects of a client, for results:
    /// `POST / UpdateAuthEventFeedback unsigned, body = parameters; surfaces success`.
    public func expectation(for item: ClientCase) -> String {
        "POST / \(item.operation.rawValue) \(item.operation.isSigned ? "SigV4-signed" : "unsigned"), body = parameters; "
            + "surfaces \(Self.shown(item.surfaces))" + (item.result == .valid ? "" : " (or a local rejection)")
    }

    static func headerProblems(_ operation: FeedbackOperation, _ request: WireRequest) -> [Deviation] {
        var problems: [Deviation] = []
        func add(_ finding: String, _ detail: String) { problems.append(Deviation(finding: finding, severity: .service, detail: detail)) }
        if request.method != "POST" { add("wrong-method", "method is not POST") }
        if request.path != "/" { add("wrong-path", "path is not /") }
        let targets = request.headers.values("X-Amz-Target")
        if targets.count != 1 || targets[0] != operation.target {
            add("wrong-target", targets.isEmpty ? "no X-Amz-Target header" : "X-Amz-Target is not \(operation.target)")
        }
        let types = request.headers.values("Content-Type")
        if types.count != 1 || !types[0].trimmingASCIIWhitespace.utf8.elementsEqual(FeedbackOperation.contentType.utf8, by: asciiCaseless) {
            add("wrong-content-type", types.isEmpty ? "no Content-Type header" : "Content-Type is not \(FeedbackOperation.contentType)")
        }
        return problems
    }

    static func bodyProblems(_ item: ClientCase, _ bytes: [UInt8]) -> [Deviation] {
        var problems: [Deviation] = []
        func add(_ finding: String, _ detail: String) { problems.append(Deviation(finding: finding, severity: .service, detail: detail)) }
        let body: RequestBody
        do { body = try RequestBody(json: bytes) } catch { add("body-not-json-object", "body: \(error)"); return problems }
        for key in body.members.keys.sorted() where !item.operation.members.contains(where: { $0.wireName == key }) {
            add("sends-unknown-member", Member(wireName: key).map { "body has \($0.wireName), not a member of the operation" }
                ?? "body has a key that is not a member of the operation")
        }
        for member in item.operation.members {
            let sent = body.members[member.wireName]
            switch (item.parameters[member], sent) {
            case (nil, nil), (nil, .null?): continue
            case (nil, .string?): add("sends-unset-member", "\(member.wireName) sent, but not given")
            case (.some, nil), (.some, .null?): add("drops-member", "\(member.wireName) dropped")
            case (let given?, .string(let got)?):
                if !given.unicodeScalars.elementsEqual(got.unicodeScalars) {
                    let (finding, how) = difference(given, got)
                    add(finding, "\(member.wireName) differs from the parameter (\(how))")
                }
            case (_, .some): add("sends-member-as-non-string", "\(member.wireName) is not a JSON string")
            }
        }
        return problems
    }

    /// How a sent value differs from the given one, without either value:
    /// the finding and the words for a result.
    static func difference(_ given: String, _ got: String) -> (finding: String, how: String) {
        if given == got { return ("normalises-member-value", "normalised: canonically equivalent, other scalars") }
        if given.trimmingASCIIWhitespace.unicodeScalars.elementsEqual(got.trimmingASCIIWhitespace.unicodeScalars) {
            return ("trims-member-value", "white space trimmed")
        }
        if given.lowercased() == got.lowercased() { return ("changes-member-case", "case changed") }
        let (a, b) = (given.unicodeScalars.count, got.unicodeScalars.count)
        return ("changes-member-value", a == b ? "\(a) scalars, some changed" : "\(a) scalars given, \(b) sent")
    }

    /// The request must go to the configured endpoint's host (a default
    /// port written out is the same host).
    func hostProblems(_ sent: SentRequest) -> [Deviation] {
        func problem(_ detail: String) -> [Deviation] { [Deviation(finding: "wrong-host", severity: .service, detail: detail)] }
        guard let sentHost = sent.host else { return problem("no host reported (neither a Host header nor a URL)") }
        func normal(_ authority: String) -> String {
            var authority = authority.lowercased()
            for port in [":443", ":80"] where authority.hasSuffix(port) { authority.removeLast(port.count) }
            return authority
        }
        guard normal(sentHost) == normal(host) else {
            return problem("addressed to another host than the configured endpoint's (\(host))")
        }
        return []
    }

    /// The authentication, judged apart from the request: signing the
    /// optional-auth `UpdateAuthEventFeedback` is allowed by today's model
    /// (`smithy.api#optionalAuth`) and the service is not known to refuse
    /// it, so it is a `protocol` deviation; a missing or invalid signature
    /// on the Admin operation is one the service refuses (`service`).
    func signatureProblems(_ operation: FeedbackOperation, _ sent: SentRequest) -> [Deviation] {
        guard operation.isSigned else {
            return sent.request.headers["Authorization"] == nil ? [] : [Deviation(
                finding: "signs-optional-auth-operation", severity: .protocol,
                detail: "\(operation.rawValue) carries an Authorization header; the model marks it unauthenticated")]
        }
        func problem(_ finding: String, _ detail: String) -> Deviation { Deviation(finding: finding, severity: .service, detail: detail) }
        guard let host = sent.host else { return [problem("admin-signature-invalid", "no host reported, so the signature cannot be checked")] }
        var problems: [Deviation] = []
        let check = SigV4.verify(sent.request, host: host, credentials: credentials, region: region, service: Self.service,
                                 now: clock())
        if check != .valid { problems.append(problem("admin-signature-invalid", "\(operation.rawValue) signature: \(check)")) }
        if let token = credentials.sessionToken, sent.request.headers.values("X-Amz-Security-Token") != [token] {
            problems.append(problem("omits-session-token", "\(operation.rawValue) does not carry the session token in X-Amz-Security-Token"))
        }
        return problems
    }

    private static func asciiCaseless(_ a: UInt8, _ b: UInt8) -> Bool {
        a == b || (a | 0x20 == b | 0x20 && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(a | 0x20))
    }
}

extension ClientJudge {
    /// Error type names shown as they are in results; any other text an
    /// adapter reports as an error type is shown as a placeholder, since it
    /// could hold anything.
    public static let knownErrorTypes: Set<String> = ErrorTypes.known.union(
        ErrorTypes.modelled.flatMap { modelled in ErrorForm.allCases.map { $0.wireName(modelled.name) } })

    /// `type` when it is one of ``knownErrorTypes``, else
    /// `an unrecognised error type (N characters)`.
    public static func shown(errorType type: String) -> String {
        knownErrorTypes.contains(type) ? type : "an unrecognised error type (\(type.unicodeScalars.count) characters)"
    }

    /// `success`, or the error type as ``shown(errorType:)`` shows it: an
    /// adapter's text is never shown as is.
    public static func shown(_ surfaced: Surfaced) -> String {
        switch surfaced {
        case .success: "success"
        case .error(let type): shown(errorType: type)
        }
    }

    /// `text` with its control characters dropped, cut to 200 scalars
    /// (marked `…`), when neither it nor what it was holds a sensitive
    /// parameter value of `item`, else `nil`: for the reasons adapters give,
    /// which may quote what they were given. The check comes after the
    /// change, so a value that only shows once its control characters are
    /// gone is found; the run's filter checks the report again as written.
    public static func scrub(_ text: String, of item: ClientCase) -> String? {
        var scalars = String.UnicodeScalarView()
        let kept = text.unicodeScalars.lazy.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
        scalars.append(contentsOf: kept.prefix(200))
        let shown = String(scalars) + (kept.dropFirst(200).isEmpty ? "" : "…")
        let redactor = Redactor(secrets: item.parameters.filter { $0.key.isSensitive }.map(\.value), minimumLength: 1)
        guard !redactor.holdsSecret(text), !redactor.holdsSecret(shown) else { return nil }
        return shown
    }
}

extension Surfaced {
    /// Whether this is `other`, comparing error types byte for byte.
    func matches(_ other: Surfaced) -> Bool {
        switch (self, other) {
        case (.success, .success): true
        case (.error(let a), .error(let b)): a.utf8.elementsEqual(b.utf8)
        default: false
        }
    }
}
