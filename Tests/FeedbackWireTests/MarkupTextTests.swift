import FeedbackWire
import Testing

@Suite("Text written into report markup")
struct MarkupTextTests {
    @Test("Markup characters become entities, in character data and attribute values alike")
    func markupCharactersBecomeEntities() {
        #expect(MarkupText.escaped(#"<a href="x">Tom & 'Jerry'</a>"#, limit: 200)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }

    @Test("Characters XML 1.0 cannot hold and terminal escapes are shown as escapes, never written raw")
    func controlCharactersAreEscaped() {
        let escaped = MarkupText.escaped("a\u{0}b\u{1B}[2Jc\u{FFFE}", limit: 200)
        #expect(escaped == #"a\u{0}b\u{1B}[2Jc\u{FFFE}"#)
        #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test("A line feed stays only in multi-line text, and each line is cut on its own")
    func lineFeedsOnlyWhenMultiline() {
        #expect(MarkupText.escaped("one\ntwo", limit: 200) == #"one\u{A}two"#)
        #expect(MarkupText.escaped("one\ntwo", limit: 200, multiline: true) == "one\ntwo")
        #expect(MarkupText.escaped("abcdef\nxy", limit: 3, multiline: true) == "abc…\nxy")
    }

    @Test("A Markdown cell cannot end the cell, open a tag, or start emphasis, code or a link")
    func markdownCellsStayOneCell() {
        #expect(MarkupText.markdownCell("a|b<i>*c*`d`[e](f)_g_&") == #"a\|b&lt;i&gt;\*c\*\`d\`\[e\](f)\_g\_&amp;"#)
        #expect(MarkupText.markdownCell("one\ntwo") == #"one\u{A}two"#)
    }
}
