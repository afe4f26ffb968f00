import FeedbackAdapterProtocol
import FeedbackConformance
import FeedbackTestSupport
import FeedbackWire
import Foundation
import Testing
@testable import FeedbackRunner

/// Generated secrets holding backslashes, quotes, slashes, non-ASCII and
/// astral scalars and control characters, hidden in adapter and server
/// texts in every form the run's filter must see through: none survives in
/// any report format. The check does not use the filter: it reads each
/// report back (JSON parsed, XML entities, Markdown and `\u{…}` escapes
/// undone) and looks for each planted form, as planted and with its control
/// characters removed.
@Suite("The final filter: generated secrets in every escaped form never reach a report")
struct FinalFilterPropertyTests {
    /// The scalars secrets are made of.
    static let alphabet: [Unicode.Scalar] = [
        "a", "B", "z", "7", "\\", "\"", "/", "'", "%", "&", "<", ">", "^", "_", "é", "ß", "Ж", "€", "😀", "𝄞", "\u{10FFFD}",
        "\n", "\r", "\t", "\u{7}", "\u{0}", "\u{7F}", "\u{85}",
    ]

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// A secret: a printable head of 4 to 6 scalars (so a cut at its first
    /// control character still identifies it), then 2 to 5 scalars of any
    /// kind (short enough that no escaped form is cut by a report's limit).
    static func secret(_ random: inout SplitMix64) -> String {
        let printable = alphabet.filter { !isControl($0) }
        var scalars = String.UnicodeScalarView()
        for _ in 0..<(4 + Int(random.next() % 3)) { scalars.append(printable[Int(random.next() % UInt64(printable.count))]) }
        for _ in 0..<(2 + Int(random.next() % 4)) { scalars.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
        return String(scalars)
    }

    static func hex4(_ value: UInt32, _ random: inout SplitMix64) -> String {
        String(format: random.next() % 2 == 0 ? "%04x" : "%04X", value)
    }

    /// `\uXXXX` of one scalar, astral ones as a surrogate pair.
    static func jsonUnicode(_ scalar: Unicode.Scalar, _ random: inout SplitMix64) -> String {
        guard scalar.value > 0xFFFF else { return "\\u" + hex4(scalar.value, &random) }
        let value = scalar.value - 0x10000
        return "\\u" + hex4(0xD800 + (value >> 10), &random) + "\\u" + hex4(0xDC00 + (value & 0x3FF), &random)
    }

    /// One control character, escaped as some writer would.
    static func escapedControl(_ scalar: Unicode.Scalar, _ random: inout SplitMix64) -> String {
        let short: [UInt32: String] = [0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"]
        switch random.next() % 5 {
        case 0: return short[scalar.value] ?? jsonUnicode(scalar, &random)
        case 1: return jsonUnicode(scalar, &random)
        case 2: return scalar.value < 0x20 ? "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40))) : "^?"
        case 3: return String(format: "\\x%02X", scalar.value)
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// `secret` in one of the forms a peer may write it.
    static func form(_ secret: String, _ kind: UInt64, _ random: inout SplitMix64) -> String {
        let scalars = Array(secret.unicodeScalars)
        switch kind % 8 {
        case 0: return secret
        case 1:  // JSON, every escape in any mix
            return scalars.map { scalar -> String in
                switch (scalar, random.next() % 3) {
                case ("\\", _): return "\\\\"
                case ("\"", _): return "\\\""
                case ("/", 0): return "\\/"
                case (_, 0) where isControl(scalar): return escapedControl(scalar, &random)
                case (_, 1): return jsonUnicode(scalar, &random)
                default: return isControl(scalar) ? jsonUnicode(scalar, &random) : String(scalar)
                }
            }.joined()
        case 2: return secret.utf8.map { String(format: random.next() % 2 == 0 ? "%%%02X" : "%%%02x", $0) }.joined()
        case 3: return scalars.map { "\\u{" + String($0.value, radix: 16, uppercase: random.next() % 2 == 0) + "}" }.joined()
        case 4:  // XML
            return scalars.map { scalar -> String in
                let named: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"]
                switch random.next() % 3 {
                case 0: return "&#\(scalar.value);"
                case 1: return "&#x" + String(scalar.value, radix: 16, uppercase: random.next() % 2 == 0) + ";"
                default: return named[scalar] ?? String(scalar)
                }
            }.joined()
        case 5: return String(String.UnicodeScalarView(scalars.filter { !isControl($0) }))
        case 6: return scalars.map { isControl($0) ? escapedControl($0, &random) : String($0) }.joined()
        default:  // cut at its first control character
            return String(String.UnicodeScalarView(scalars.prefix { !isControl($0) }))
        }
    }

    static let fillers = ["cannot build a request for ", "InvalidParameterException: ", "x", " ", "é ", ": ", "#"]

    /// A text holding `planted` between short fillers (short enough that no
    /// report cuts it).
    static func hidden(_ planted: String, _ random: inout SplitMix64) -> String {
        fillers[Int(random.next() % UInt64(fillers.count))] + planted + fillers[Int(random.next() % UInt64(fillers.count))]
    }

    // MARK: the independent check

    /// `\u{X…}` escapes (how the text formats show unsafe scalars) undone.
    static func swiftUnescaped(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "\\u{") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            if let close = after.firstIndex(of: "}"), let value = UInt32(after[..<close], radix: 16), let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
                rest = after[after.index(after: close)...]
            } else {
                out += "\\u{"
                rest = after
            }
        }
        return out + rest
    }

    /// The texts a report holds, as a reader of its format gets them back.
    static func readBack(_ text: String, _ format: ReportFormat) throws -> String {
        switch format {
        case .text: return swiftUnescaped(text)
        case .json:
            var strings: [String] = []
            func walk(_ value: Any) {
                if let string = value as? String { strings.append(string) }
                if let array = value as? [Any] { array.forEach(walk) }
                if let object = value as? [String: Any] { object.values.forEach(walk) }
            }
            walk(try JSONSerialization.jsonObject(with: Data(text.utf8)))
            return strings.joined(separator: "\n")
        case .junit:
            let xml = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            return swiftUnescaped(xml)
        case .markdown:
            var cell = text
            for escaped in ["|", "`", "*", "_", "[", "]"] { cell = cell.replacingOccurrences(of: "\\" + escaped, with: escaped) }
            cell = cell.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            return swiftUnescaped(cell)
        }
    }

    static func withoutControls(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }

    /// The planted forms (and the secrets themselves) that `report` still
    /// holds, read back as `format`'s reader would, as planted or without
    /// control characters, in any ASCII case.
    static func survivors(_ report: String, _ format: ReportFormat, planted: Set<String>) throws -> [String] {
        let back = try readBack(report, format).lowercased()
        let bare = withoutControls(back)
        return planted.filter { form in
            // The text formats' `\u{…}` escapes are undone in the report: so in the form too.
            let form = (format == .json ? form : swiftUnescaped(form)).lowercased(), formBare = withoutControls(form)
            return (form.unicodeScalars.count >= 4 && back.contains(form)) || (formBare.utf8.count >= 4 && bare.contains(formBare))
        }.sorted()
    }

    /// Every format of a report of `results`, rendered with `redactor`.
    static func rendered(_ results: [CaseResult], name: String, redactor: Redactor) -> [(ReportFormat, String)] {
        let report = ConformanceReport(implementation: .init(kind: "client", name: name, target: "t"), tool: "0",
                                       started: Date(timeIntervalSince1970: 0), seconds: 1, results: results)
        return ReportFormat.allCases.map { ($0, $0.render(report, redactor: redactor)) }
    }

    // MARK: the tests

    @Test("24 generated secrets, each hidden in every form in adapter texts of other cases and in server texts")
    func everyFormEveryFormat() throws {
        var random = SplitMix64(seed: 0x5EC2E7)
        let secrets = (0..<24).map { _ in Self.secret(&random) }
        let redactor = Redactor(secrets: secrets)
        let cases = ClientCase.cases(for: try Vectors.for(.client).filter { $0.id.hasPrefix("baseline.") }, answers: false)
        let vectors = try Vectors.for(.server).filter { $0.id.hasPrefix("baseline.") }
        try #require(!cases.isEmpty && !vectors.isEmpty)
        let judge = ClientJudge()
        var planted: Set<String> = Set(secrets)
        var results: [CaseResult] = []
        for (index, secret) in secrets.enumerated() {
            for kind in 0..<UInt64(8) {
                let form = Self.form(secret, kind, &random)
                planted.insert(form)
                let text = Self.hidden(form, &random)
                let item = cases[(index + Int(kind)) % cases.count]
                let reply: AdapterReply = kind % 2 == 0 ? .failed(id: item.id, message: text) : .outcome(id: item.id, .unsupported(text))
                results.append(try ClientRunner.result(of: reply, for: item, judge: judge))
                // A server's answer quoting it, and a text a report carries as it is.
                let vector = vectors[index % vectors.count]
                var headers = HeaderFields()
                headers.append("X-Amzn-ErrorType", text)
                let answer = WireResponse(status: 400, headers: headers,
                                          body: JSONValue.object(["__type": .string(text), "message": .string(text)]).jsonText)
                results.append(vector.judge(answer, strict: true, unknownOperation: nil))
                results.append(CaseResult(id: vector.id, verdict: .fail, expected: "e", got: text, notes: [text]))
            }
        }
        for (format, report) in Self.rendered(results, name: Self.hidden(planted.first!, &random), redactor: redactor) {
            let survived = try Self.survivors(report, format, planted: planted)
            #expect(survived.isEmpty, "\(format): \(survived.prefix(3).map { $0.debugDescription })")
        }
    }

    @Test("The check itself sees what an unfiltered report shows")
    func checkFindsUnfilteredForms() throws {
        var random = SplitMix64(seed: 7)
        let secret = Self.secret(&random)
        let forms = Set((0..<UInt64(8)).map { Self.form(secret, $0, &random) })
        let results = forms.map { CaseResult(id: "x.y", verdict: .fail, got: $0) }
        for (format, report) in Self.rendered(results, name: "n", redactor: Redactor(secrets: [String]())) {
            let found = try Self.survivors(report, format, planted: forms)
            #expect(found.count == forms.count, "\(format): missed \(forms.subtracting(found).map(\.debugDescription))")
        }
    }

    @Test("A clean report is left as it was: the filter cuts no ordinary word")
    func cleanReportUnchanged() throws {
        let redactor = Redactor(vectors: try Vectors.loaded.get().vectors, cases: ClientCase.answerCases, credentials: [.test])
        let cases = ClientCase.cases(for: try Vectors.for(.client), answers: true)
        let judge = ClientJudge()
        let results = cases.map { judge.judge($0, .rejected) }
            + cases.prefix(50).map { judge.judge($0, .unsupported("the SDK has no such operation; see the README")) }
        for (format, report) in Self.rendered(results, name: "botocore", redactor: Redactor(secrets: [String]())) {
            #expect(redactor.redacted(report) == report, "\(format)")
        }
    }
}
