@testable import FeedbackLint
import FeedbackSystem
import Testing

/// JUnit's results wait in a spool until the counts for its header are
/// known: a spool that loses bytes must fail the output, not drop results.
@Suite("lint --format junit: the spool")
struct SpoolTests {
    /// `count` result lines through a JUnit output spooling to the file
    /// `open` gives: what was written, and whether the output failed.
    static func spooled(_ count: Int, to open: @escaping () -> Int32?) -> (written: [UInt8], failed: Bool) {
        var written: [UInt8] = []
        let output = LintOutput(format: .junit, spoolFile: open, write: { written += $0; return true })
        let results = ResultBuffer()
        for index in 0..<count {
            results.append(contentsOf: "<testcase name=\"line \(index)\"/>\n")
            if results.count > 1 << 16 {
                output.emit(results)
                results.removeAll()
            }
        }
        output.emit(results)
        output.finish(header: Array("<header>\n".utf8), footer: Array("</footer>\n".utf8))
        return (written, output.failed)
    }

    @Test("Every spooled byte comes back in order, between the header and the footer")
    func roundTrip() {
        let (written, failed) = Self.spooled(50_000, to: { try? System.anonymousFile() })
        let expected = "<header>\n" + (0..<50_000).map { "<testcase name=\"line \($0)\"/>\n" }.joined() + "</footer>\n"
        #expect(!failed)
        #expect(written == Array(expected.utf8))
    }

    @Test("A spool on a full disk fails the output, whether its writes fail at once or when flushed",
          .enabled(if: (try? System.checkWritable("/dev/full")) != nil), arguments: [10, 50_000])
    func fullDisk(lines: Int) {
        let (written, failed) = Self.spooled(lines, to: { try? System.open("/dev/full", .readWrite) })
        #expect(failed)
        #expect(!String(decoding: written, as: UTF8.self).contains("</footer>"))
    }
}
