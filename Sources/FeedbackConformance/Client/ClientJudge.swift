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
/// - `UpdateAuthEventFeedback` carries no `Authorization` header; the Admin
///   operation carries a SigV4 signature that verifies against the run's
///   credentials (`SigV4.verify(_:host:credentials:)`).
/// - The client surfaces the canned response as the case says: success, or
///   the error's short type name, byte for byte.
///
/// ```swift
/// let judge = ClientJudge(credentials: .test)
/// let result = judge.judge(item, .sent(SentRequest(request: request, host: host, surfaced: .success)))
/// result.verdict  // .pass, or .fail with the reasons in `got`
/// ```
///
/// Results name members, headers, constraint kinds and error types only;
/// never a parameter's value nor the client's own messages.
public struct ClientJudge: Sendable {
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

    /// A judge for clients given `credentials`, `region` and the endpoint
    /// `host` (by default the region's: `cognito-idp.<region>.amazonaws.com`).
    public init(credentials: AWSCredentials = .test, region: String = "us-east-1", host: String? = nil,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.credentials = credentials
        self.region = region
        self.host = host ?? "cognito-idp.\(region).amazonaws.com"
        self.clock = clock
    }

    /// The service name in SigV4 scopes.
    public static let service = "cognito-idp"

    /// The verdict on `outcome` for `item`, with what was expected, what the
    /// client did, and notes.
    public func judge(_ item: ClientCase, _ outcome: ClientOutcome, milliseconds: Double = 0) -> CaseResult {
        let expected = Self.expectation(for: item)
        switch outcome {
        case .rejected:
            if item.result == .valid {
                return CaseResult(id: item.id, verdict: .fail, expected: expected, got: "rejected a valid request locally",
                                  milliseconds: milliseconds)
            }
            return CaseResult(id: item.id, verdict: .pass, expected: expected, got: "rejected locally",
                              notes: ["lints locally"], milliseconds: milliseconds)
        case .unsupported(let reason):
            return CaseResult(id: item.id, verdict: .unimplemented, expected: expected,
                              got: "unsupported" + (reason.isEmpty ? "" : ": \(reason)"), milliseconds: milliseconds)
        case .sent(let sent):
            let problems = self.problems(item, sent)
            let got = problems.isEmpty ? "sent the exact request; surfaced \(sent.surfaced)" : problems.joined(separator: "; ")
            return CaseResult(id: item.id, verdict: problems.isEmpty ? .pass : .fail, expected: expected, got: got,
                              milliseconds: milliseconds)
        }
    }

    /// Every way `sent` departs from what `item` requires; empty when none.
    func problems(_ item: ClientCase, _ sent: SentRequest) -> [String] {
        var problems = Self.headerProblems(item.operation, sent.request)
        problems += hostProblems(sent)
        problems += Self.bodyProblems(item, sent.request.body)
        problems += signatureProblems(item.operation, sent)
        if !sent.surfaced.matches(item.surfaces) {
            let status = String(item.response.status)
            let shown = sent.surfaced == .error(status) && ClientJudge.scrub(status, of: item) != nil
                ? "the HTTP status \(status) as the error type" : "\(sent.surfaced)"
            problems.append("surfaced \(shown) instead of \(item.surfaces)")
        }
        return problems
    }

    /// What `item` expects of a client, for results:
    /// `POST / UpdateAuthEventFeedback unsigned, body = parameters; surfaces success`.
    public static func expectation(for item: ClientCase) -> String {
        "POST / \(item.operation.rawValue) \(item.operation.isSigned ? "SigV4-signed" : "unsigned"), body = parameters; "
            + "surfaces \(item.surfaces)" + (item.result == .valid ? "" : " (or a local rejection)")
    }

    static func headerProblems(_ operation: FeedbackOperation, _ request: WireRequest) -> [String] {
        var problems: [String] = []
        if request.method != "POST" { problems.append("method is not POST") }
        if request.path != "/" { problems.append("path is not /") }
        let targets = request.headers.values("X-Amz-Target")
        if targets.count != 1 || targets[0] != operation.target {
            problems.append(targets.isEmpty ? "no X-Amz-Target header" : "X-Amz-Target is not \(operation.target)")
        }
        let types = request.headers.values("Content-Type")
        if types.count != 1 || !types[0].trimmingASCIIWhitespace.utf8.elementsEqual(FeedbackOperation.contentType.utf8, by: asciiCaseless) {
            problems.append(types.isEmpty ? "no Content-Type header" : "Content-Type is not \(FeedbackOperation.contentType)")
        }
        return problems
    }

    static func bodyProblems(_ item: ClientCase, _ bytes: [UInt8]) -> [String] {
        let body: RequestBody
        do { body = try RequestBody(json: bytes) } catch { return ["body: \(error)"] }
        var problems: [String] = []
        for key in body.members.keys.sorted() where !item.operation.members.contains(where: { $0.wireName == key }) {
            problems.append(Member(rawValue: key).map { "body has \($0.wireName), not a member of the operation" }
                            ?? "body has a key that is not a member of the operation")
        }
        for member in item.operation.members {
            let sent = body.members[member.wireName]
            switch (item.parameters[member], sent) {
            case (nil, nil), (nil, .null?): continue
            case (nil, .string?): problems.append("\(member.wireName) sent, but not given")
            case (.some, nil), (.some, .null?): problems.append("\(member.wireName) dropped")
            case (let given?, .string(let got)?):
                if !given.unicodeScalars.elementsEqual(got.unicodeScalars) {
                    problems.append("\(member.wireName) differs from the parameter (\(difference(given, got)))")
                }
            case (_, .some): problems.append("\(member.wireName) is not a JSON string")
            }
        }
        return problems
    }

    /// How a sent value differs from the given one, without either value.
    static func difference(_ given: String, _ got: String) -> String {
        if given == got { return "normalised: canonically equivalent, other scalars" }
        if given.trimmingASCIIWhitespace.unicodeScalars.elementsEqual(got.trimmingASCIIWhitespace.unicodeScalars) { return "white space trimmed" }
        if given.lowercased() == got.lowercased() { return "case changed" }
        let (a, b) = (given.unicodeScalars.count, got.unicodeScalars.count)
        return a == b ? "\(a) scalars, some changed" : "\(a) scalars given, \(b) sent"
    }

    /// The request must go to the configured endpoint's host (a default
    /// port written out is the same host).
    func hostProblems(_ sent: SentRequest) -> [String] {
        guard let sentHost = sent.host else { return ["no host reported (neither a Host header nor a URL)"] }
        func normal(_ authority: String) -> String {
            var authority = authority.lowercased()
            for port in [":443", ":80"] where authority.hasSuffix(port) { authority.removeLast(port.count) }
            return authority
        }
        guard normal(sentHost) == normal(host) else {
            return ["addressed to another host than the configured endpoint's (\(host))"]
        }
        return []
    }

    func signatureProblems(_ operation: FeedbackOperation, _ sent: SentRequest) -> [String] {
        guard operation.isSigned else {
            return sent.request.headers["Authorization"] == nil ? [] : ["\(operation.rawValue) carries an Authorization header; it must be unsigned"]
        }
        guard let host = sent.host else { return ["no host reported, so the signature cannot be checked"] }
        var problems: [String] = []
        let check = SigV4.verify(sent.request, host: host, credentials: credentials, region: region, service: Self.service,
                                 now: clock())
        if check != .valid { problems.append("\(operation.rawValue) signature: \(check)") }
        if let token = credentials.sessionToken, sent.request.headers.values("X-Amz-Security-Token") != [token] {
            problems.append("\(operation.rawValue) does not carry the session token in X-Amz-Security-Token")
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

    /// `text` (at most 200 scalars, control characters dropped) when it
    /// holds no sensitive parameter value of `item`, else `nil`: for the
    /// reasons adapters give, which may quote what they were given.
    public static func scrub(_ text: String, of item: ClientCase) -> String? {
        let secrets = item.parameters.filter { $0.key.isSensitive }.map(\.value)
        guard Redactor(secrets: secrets, minimumLength: 1).shown(text) != nil else { return nil }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200))
        return String(scalars)
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
