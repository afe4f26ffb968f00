import FeedbackAdapterProtocol
import FeedbackConformance
import FeedbackTestSupport
import Foundation
import Testing
@testable import FeedbackRunner

/// Random hostile answers and adapter replies, generated from a seed: none
/// crashes the judges, and no planted canary (a sensitive value of the run,
/// of this case or of another) reaches a report, in any form or format.
@Suite("Generated hostile peers never leak a canary")
struct LeakPropertyTests {
    /// Canary usernames and tokens: the `redaction.*` vectors'.
    static let vectors = (Vectors.library?.vectors ?? []).filter { $0.id.hasPrefix("redaction.") }
    static let canaries = Array(Set(vectors.flatMap(\.sensitiveValues).filter { $0.utf8.count >= Redactor.minimumLength }))
        .sorted()
    static let redactor = Redactor(vectors: Vectors.library?.vectors ?? [], cases: ClientCase.answerCases, credentials: [.test])

    /// A canary in one of the forms a peer may write it.
    static func planted(_ random: inout SplitMix64) -> String {
        let canary = canaries[Int(random.next() % UInt64(canaries.count))]
        switch random.next() % 6 {
        case 0: return canary
        case 1: return canary.uppercased()
        case 2: return canary.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
        case 3: return canary.utf8.map { String(format: "%%%02X", $0) }.joined()
        case 4: return canary.unicodeScalars.map { "\\u{\(String($0.value, radix: 16))}" }.joined()
        default: return "prefix-" + canary + "-suffix"
        }
    }

    static func text(_ random: inout SplitMix64) -> String {
        let pieces = ["InvalidParameterException", "x", "\u{1B}[2J", "é", "<xml>", "\"", "\\", "\n", " ", "#", ":http://a/"]
        return (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            + (random.next() % 2 == 0 ? planted(&random) : "")
    }

    /// Everything a report shows, as the tool renders it.
    static func shown(_ results: [CaseResult]) -> String {
        let report = ConformanceReport(implementation: .init(kind: "server", name: "generated", target: "t"), tool: "0",
                                       started: Date(timeIntervalSince1970: 0), seconds: 1, results: results)
        return ReportFormat.allCases.map { $0.render(report, redactor: redactor) }.joined(separator: "\n")
    }

    /// The canaries `shown` holds, as written or `\u`-escaped, in any case.
    static func leaked(_ shown: String) -> [String] {
        let lower = shown.lowercased()
        return canaries.filter { canary in
            let escaped = canary.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
            return lower.contains(canary.lowercased()) || lower.contains(escaped)
        }
    }

    @Test("2,000 generated server answers: headers, error types, messages and bodies holding canaries")
    func serverAnswers() throws {
        try #require(!Self.vectors.isEmpty && !Self.canaries.isEmpty)
        var random = SplitMix64(seed: 0xC0FFEE)
        var results: [CaseResult] = []
        for index in 0..<2000 {
            let vector = Self.vectors[index % Self.vectors.count]
            var headers = HeaderFields()
            for _ in 0..<Int(random.next() % 3) {
                headers.append(["X-Amzn-ErrorType", "Content-Type", "X-Debug", "x-amzn-RequestId"][Int(random.next() % 4)],
                               Self.text(&random))
            }
            let body: [UInt8]
            switch random.next() % 4 {
            case 0: body = Array(Self.text(&random).utf8)
            case 1: body = JSONValue.object(["__type": .string(Self.text(&random)), "message": .string(Self.text(&random))]).jsonText
            case 2: body = JSONValue.object(["code": .string(Self.text(&random)), "detail": ["nested": .string(Self.text(&random))]]).jsonText
            default: body = (0..<Int(random.next() % 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            }
            let status = [200, 204, 400, 403, 404, 429, 500, 501, 502][Int(random.next() % 9)]
            let answer = WireResponse(status: status, headers: headers, body: body)
            let probe = random.next() % 3 == 0 ? answer : nil
            results.append(vector.judge(answer, strict: random.next() % 2 == 0, unknownOperation: probe))
        }
        #expect(Self.leaked(Self.shown(results)).isEmpty)
    }

    @Test("2,000 generated adapter replies: errors, unsupported reasons, surfaced types and requests holding canaries")
    func adapterReplies() throws {
        let cases = ClientCase.cases(for: Self.vectors.filter { $0.appliesTo.contains(.client) }, answers: false)
        try #require(!cases.isEmpty)
        var random = SplitMix64(seed: 0xBADC0DE)
        var results: [CaseResult] = []
        let judge = ClientJudge()
        for index in 0..<2000 {
            let item = cases[index % cases.count]
            let id = random.next() % 8 == 0 ? Self.text(&random) : item.id
            var reply: [String: JSONValue]
            switch random.next() % 4 {
            case 0: reply = ["id": .string(id), "error": .string(Self.text(&random))]
            case 1: reply = ["id": .string(id), "unsupported": .string(Self.text(&random))]
            case 2:
                reply = ["id": .string(id), "surfaced": ["error": .string(Self.text(&random))],
                         "request": ["method": "POST", "url": .string("https://cognito-idp.us-east-1.amazonaws.com/" + Self.text(&random)),
                                     "headers": ["X-Amz-Target": .string(Self.text(&random)), "Authorization": .string(Self.text(&random))],
                                     "body": .string(Self.text(&random))]]
            default: reply = ["id": .string(id), "rejected": ["message": .string(Self.text(&random))]]
            }
            let line = JSONValue.object(reply).jsonText
            do {
                results.append(try ClientRunner.result(of: try AdapterReply(line: line), for: item, judge: judge))
            } catch let failure as AdapterProtocolError {
                results.append(CaseResult(id: item.id, verdict: .error, got: "malformed reply: \(failure)"))
            } catch {
                results.append(CaseResult(id: item.id, verdict: .error, got: "\(error)"))
            }
        }
        #expect(results.count == 2000)
        #expect(Self.leaked(Self.shown(results)).isEmpty)
    }
}
