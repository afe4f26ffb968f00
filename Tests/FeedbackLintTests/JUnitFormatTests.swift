import FeedbackLint
import FeedbackRules
import FeedbackTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `--format junit`: well-formed JUnit XML, one test case per body, its
/// counts in the opening tags, every text XML-escaped.
@Suite("lint --format junit")
struct JUnitFormatTests {
    /// The elements of an XML document, with their attributes and text.
    final class Elements: NSObject, XMLParserDelegate {
        var found: [(name: String, attributes: [String: String], text: String)] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            found.append((name, attributes, ""))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !found.isEmpty { found[found.count - 1].text += string }
        }
    }

    /// Parses `bytes` as XML: `nil` when it is not well-formed.
    static func elements(_ bytes: [UInt8]) -> [(name: String, attributes: [String: String], text: String)]? {
        let parser = XMLParser(data: Data(bytes))
        let elements = Elements()
        parser.delegate = elements
        return parser.parse() ? elements.found : nil
    }

    @Test("One test case per body: a failure for an invalid one, an error for unusable input, counts in both suites' tags")
    func testCases() throws {
        let input = [Bodies.valid, Bodies.badEnum, "not json", Bodies.several, ""].joined(separator: "\n")
        let output = try lint(input, linter(.junit))
        let elements = try #require(Self.elements(output.bytes), "well-formed XML")
        #expect(elements.first?.name == "testsuites")
        for suite in elements.filter({ $0.name.hasPrefix("testsuite") }) {
            #expect(suite.attributes["tests"] == "4" && suite.attributes["failures"] == "2" && suite.attributes["errors"] == "1")
        }
        let cases = elements.filter { $0.name == "testcase" }
        #expect(cases.map { $0.attributes["name"] } == ["line 1", "line 2", "line 3, column 2", "line 4"])
        let failures = elements.filter { $0.name == "failure" }
        #expect(failures.first?.attributes["type"] == "InvalidParameterException")
        #expect(failures.first?.attributes["message"]?.hasPrefix("1 validation error detected: Value 'valid' at 'feedbackValue'") == true)
        #expect(failures.last?.attributes["message"]?.hasPrefix("3 validation errors detected: ") == true)
        #expect(failures.last?.text.contains(": EventId required: Value null at 'eventId'") == true)
        #expect(elements.first { $0.name == "error" }?.attributes["message"] == "not valid JSON (at byte 1)")
    }

    @Test("--quiet lists failures only, and counts what it lists")
    func quiet() throws {
        let output = try lint([Bodies.valid, Bodies.badEnum].joined(separator: "\n"), linter(.junit, quiet: true))
        let elements = try #require(Self.elements(output.bytes))
        #expect(elements.filter { $0.name == "testcase" }.count == 1)
        #expect(elements.first?.attributes["tests"] == "1")
    }

    @Test("Quotes, ampersands, angle brackets and controls in a value come out escaped, and the document stays well-formed")
    func escaping() throws {
        let body = #"{"UserPoolId":"<a href=\"x\">&'\u0001\u0000</a>","Username":"u","EventId":"e","FeedbackToken":"t","FeedbackValue":"Valid"}"#
        let output = try lint(body, linter(.junit, jsonLines: false))
        #expect(!output.bytes.contains(0) && !output.bytes.contains(1))
        let elements = try #require(Self.elements(output.bytes), "\(output.text)")
        let failure = try #require(elements.first { $0.name == "failure" })
        #expect(failure.attributes["message"]?.contains(#"Value '<a href="x">&'\u{1}\u{0}</a>' at 'userPoolId'"#) == true)
        #expect(output.text.contains("&lt;a href=&quot;x&quot;&gt;&amp;&#39;"))
    }
}
