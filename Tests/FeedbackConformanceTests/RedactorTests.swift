@testable import FeedbackConformance
import FeedbackTestSupport
import Testing

/// The one filter every text that leaves the process passes.
@Suite("Redactor: every sensitive value of a run, in every reading")
struct RedactorTests {
    static let canary = "Canary-User-9d2f"
    static let redactor = Redactor(secrets: [canary, "tok.en=7f3a", "abc"])

    @Test("A value is found as written, JSON-escaped, \\u{}-escaped, percent-encoded and in any ASCII case", arguments: [
        "echo: Canary-User-9d2f", "CANARY-USER-9D2F", #"\u0043\u0061nary-User-9d2f"#, #"\u0043\u0041NARY-user-9d2f"#,
        #"Canary\u002dUser\u002d9d2f"#, #"\u{43}anary-User-9d2f"#, "Canary%2DUser%2d9d2f", #"tok.en\u003d7f3a"#,
        #"a \/ tok.en=7f3a \/ b"#, #"x \\u0043anary-User-9d2f"#,
    ])
    func found(text: String) {
        #expect(Self.redactor.holdsSecret(text))
        #expect(Self.redactor.filtered(text) == Redactor.placeholder)
    }

    @Test("Text without a value passes unchanged; values under 4 bytes are not looked for", arguments: [
        "HTTP 400 InvalidParameterException", "Canary-User-9d2", "abc abc", "", #"\u00"#, "%", #"\u{zz}"#,
    ])
    func notFound(text: String) {
        #expect(!Self.redactor.holdsSecret(text))
        #expect(Self.redactor.filtered(text) == text)
    }

    @Test("The values of one case are withheld at any length when asked")
    func anyLength() {
        let strict = Redactor(secrets: ["a"], minimumLength: 1)
        #expect(strict.holdsSecret("Traceback"))
        #expect(!strict.holdsSecret("XYZ"))
        #expect(!Redactor(secrets: [""], minimumLength: 1).holdsSecret("anything"))
    }

    @Test("Canonically equivalent values are told apart: each byte form is looked for")
    func canonicalEquivalents() {
        let redactor = Redactor(secrets: ["Jos\u{E9}", "Jose\u{301}"])
        #expect(redactor.holdsSecret("Jos\u{E9}") && redactor.holdsSecret("Jose\u{301}"))
    }

    @Test("Escapes are read in families and layers: \\\\ is one backslash; XML, \\x, caret and Markdown escapes; any mix", arguments: [
        #"[\\]^_"#, #"&quot;[\\]^_&quot;"#, "&#91;&#x5C;&#93;^_", #"\x5B\x5c]^_"#, #"\[\\\]^\_"#, #"%5B%5C%5D%5E%5F"#,
        #"\u005B\\\u005d^_"#, "[\\]^_".replacingOccurrences(of: "\\", with: "&amp;#92;"),
    ])
    func escapeFamilies(text: String) {
        #expect(Redactor(secrets: ["[\\]^_"]).holdsSecret(text))
    }

    @Test("Astral scalars as surrogate pairs in either case of hex, and as \\u{…}")
    func astral() {
        let redactor = Redactor(secrets: ["x\u{1D11E}y\u{10FFFD}"])
        #expect(redactor.holdsSecret(#"x\uD834\udd1ey\u{10FFFD}"#))
        #expect(redactor.holdsSecret(#"x\ud834\uDD1Ey\udbff\udffd"#))
        #expect(!redactor.holdsSecret(#"x\ud834y\u{10FFFD}"#), "a lone high surrogate is U+FFFD, not the scalar")
    }

    @Test("A value with control characters is found with them removed, escaped in any way, or cut at one", arguments: [
        "no abc.def", #"abc.def\n"#, #"abc.def\u000A"#, "abc.def^J", #"abc.def\x0A"#, #"abc.def\u{A}"#, "abc.def%0A", "abc.def&#10;",
        "tok-9f\u{7}fe", "tok-9ffe", #"tok-9f\u0007fe"#, "tok-9f and more",
    ])
    func controlCharacters(text: String) {
        #expect(Redactor(secrets: ["abc.def\n", "tok-9f\u{7}fe"]).holdsSecret(text))
    }

    @Test("A cut prefix counts from 4 bytes; a prefix right before a report's … counts too")
    func cuts() {
        let redactor = Redactor(secrets: ["abc\u{0}defgh", "canary-2f7e-long"])
        #expect(!redactor.holdsSecret("abc"), "3 bytes before the control character: too short to tell")
        #expect(redactor.holdsSecret("got: canary-2f…") && !redactor.holdsSecret("got: can…") && !redactor.holdsSecret("canary-2f"))
    }

    @Test("redacted(_:) cuts out exactly the escape sequences a value was written with; the rest, and clean text, stay")
    func redactedKeepsStructure() {
        let redactor = Redactor(secrets: ["a\"b\\c/d", "abc.def\n"])
        #expect(redactor.redacted(#"{"got": "x a\"b\\c\/d y", "n": 1}"#) == #"{"got": "x [withheld] y", "n": 1}"#)
        #expect(redactor.redacted("<f message=\"a&quot;b\\c/d\">no abc.def\u{A}</f>") == "<f message=\"[withheld]\">no [withheld]</f>")
        let clean = "| error | 1 | POST / UpdateAuthEventFeedback unsigned | the adapter reported an error \\u{1B} &amp; 100 % |"
        #expect(redactor.redacted(clean) == clean)
    }

    @Test("A vector's sensitive values include every value its wire text gives them, an overwritten duplicate too")
    func wireValues() throws {
        let vector = try #require(Vectors.named("wire.duplicate-value-then-null.update"))
        #expect(vector.sensitiveValues.contains("alice"), "the username overwritten by null")
        let values = Vector.sensitiveMemberValues(inWire: Array(#"{"Username":"x","Username":"y","U":"z","FeedbackToken":"\u0061b","Username":"\udc00"}"#.utf8))
        #expect(values == ["x", "y", "ab", #"\udc00"#])
    }

    @Test("A run's redactor knows every vector's, case's and credential's secrets, not the access key id")
    func runSecrets() throws {
        let library = try Vectors.loaded.get()
        let credentials = AWSCredentials(accessKeyId: "AKIDSHOWN", secretAccessKey: "secret-key-1234", sessionToken: "session-5678")
        let redactor = Redactor(vectors: library.vectors, cases: ClientCase.answerCases, credentials: [credentials])
        #expect(redactor.holdsSecret("x secret-key-1234 x") && redactor.holdsSecret("session-5678"))
        #expect(!redactor.holdsSecret("AKIDSHOWN"))
        #expect(redactor.holdsSecret("feedback-user-7"), "the answer cases' username")
        for vector in library.vectors {
            for value in vector.sensitiveValues where value.utf8.count >= Redactor.minimumLength && !value.contains("\\") {
                #expect(redactor.holdsSecret(value), "\(vector.id)")
            }
        }
    }
}
