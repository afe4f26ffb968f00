import FeedbackConformance
import FeedbackTestSupport
import Foundation
import Testing
@testable import FeedbackRunner

/// Implementations side by side.
@Suite("Conformance matrix")
struct ConformanceMatrixTests {
    static func report(_ name: String, kind: String, _ verdicts: [(String, Verdict)]) -> ConformanceReport {
        ConformanceReport(implementation: .init(kind: kind, name: name, version: "1.0", language: "go", target: "t"),
                          tool: "0", started: Date(timeIntervalSince1970: 0), seconds: 1,
                          results: verdicts.map { CaseResult(id: $0.0, verdict: $0.1) })
    }

    static let reports = [
        report("good <sdk>", kind: "client", [("baseline.typical.update", .pass), ("baseline.typical.admin", .pass),
                                              ("answer.X.plain.update", .pass)]),
        report("bad|sdk", kind: "client", [("baseline.typical.update", .fail), ("baseline.typical.admin", .pass),
                                           ("answer.X.plain.update", .error)]),
        report("emulator", kind: "server", [("baseline.typical.update", .unimplemented), ("wire.escaped-latin.update", .pass)]),
    ]

    @Test("Cells count passes per topic and per flag; a topic an implementation lacks is a dash")
    func cells() throws {
        let matrix = ConformanceMatrix(reports: Self.reports, library: Vectors.library)
        #expect(matrix.columns.map(\.title) == ["good <sdk> 1.0", "bad|sdk 1.0", "emulator 1.0"])
        let baseline = try #require(matrix.topics.first { $0.name == "baseline" })
        // A cell whose every case is unimplemented says so instead of a red 0/1.
        #expect(baseline.cells.map(\.shown) == ["2/2", "1/2", "not implemented"])
        let wire = try #require(matrix.topics.first { $0.name == "wire" })
        #expect(wire.cells.map(\.shown) == ["—", "—", "1/1"])
        #expect(matrix.flags.contains { $0.name == "EscapedUnicode" || $0.name == "ScalarsNotUtf16" })
        #expect(!matrix.flags.isEmpty)
    }

    @Test("Markdown is one table by topic and one by flag, with hostile names escaped")
    func markdown() {
        let markdown = ConformanceMatrix(reports: Self.reports, library: Vectors.library, vectorsVersion: "v").markdown
        #expect(markdown.hasPrefix("# Conformance matrix\n"))
        #expect(markdown.contains("| | good &lt;sdk&gt; 1.0 (client) | bad\\|sdk 1.0 (client) | emulator 1.0 (server) |\n|---|---:|---:|---:|\n"))
        #expect(markdown.contains("| **service** | 100.0 % | 33.3 % | 50.0 % |"))
        #expect(markdown.contains("| **strict** | 100.0 % | 33.3 % | 50.0 % |"))
        #expect(markdown.contains("| baseline | 2/2 | 1/2 | not implemented |"))
        // Each implementation's findings, one line each, with severity and why.
        #expect(markdown.contains("### bad\\|sdk 1.0 (client)\n\n- **service** `unclassified-failure` (1 case): "))
        #expect(markdown.contains("- **service** `no-usable-answer` (1 case): no usable answer"))
        #expect(markdown.contains("### good &lt;sdk&gt; 1.0 (client)\n\nNone: every case passes, strict included.\n"))
        #expect(markdown.contains("## By flag"))
    }

    @Test("An implementation that implements neither operation shows as not implemented with one finding, not as 0 %")
    func notImplemented() {
        let moto = Self.report("moto", kind: "server", [("baseline.typical.update", .unimplemented), ("wire.escaped-latin.update", .unimplemented)])
        let matrix = ConformanceMatrix(reports: [moto], library: Vectors.library)
        #expect(matrix.markdown.contains("| **service** | not implemented |"))
        #expect(matrix.markdown.contains("- **service** `not-implemented` (2 cases): implements neither operation"))
        #expect(matrix.html.contains("<tr><th>service</th><td class=\"none\">not implemented</td></tr>"))
        #expect(matrix.html.contains("<code>not-implemented</code> (2 cases): implements neither operation"))
        #expect(!matrix.html.contains("hsl(0,"))
    }

    @Test("HTML is one self-contained page: no script, nothing fetched, names escaped, cells coloured")
    func html() {
        let html = ConformanceMatrix(reports: Self.reports, library: Vectors.library).html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script") && !html.contains("src=") && !html.contains("href=") && !html.contains("url("))
        #expect(html.contains("<th>good &lt;sdk&gt; 1.0<br><small>client, go</small></th>"))
        #expect(html.contains("style=\"background: hsl(120, 65%, 85%)\" title=\"2 pass, 0 fail, 0 unimplemented, 0 error\">2/2</td>"))
        #expect(html.contains("<td class=\"none\">—</td>"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
    }
}
