import FeedbackConformance
import FeedbackRunner
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `cognito-feedback conform matrix`: implementations side by side, from
/// the JSON reports of their runs.
enum MatrixCommand {
    static let help = """
        USAGE: cognito-feedback conform matrix [--format markdown|html] [--output <file>] <report.json>...

        Puts the JSON reports of conform runs side by side: one column per implementation,
        one row per topic (the case ids' first part) and per vector flag, each cell the
        cases passed out of the cases run.

        OPTIONS:
          --format markdown|html   markdown (default): GitHub-flavoured tables, fit for a CI
                                   job summary ($GITHUB_STEP_SUMMARY) or a committed page.
                                   html: one self-contained page (inline style, no script,
                                   nothing fetched), cells coloured by their pass ratio.
          --output <file>          Write the matrix to <file> instead of standard output: a
                                   file is replaced whole, a symbolic link followed, a
                                   device or a FIFO written in place.
          --vectors <dir>          The vectors whose flags the rows by flag use (default: the
                                   built-in ones).
          -h, --help               Show this help.

        EXAMPLE:
          cognito-feedback conform client --format json --output botocore.json -- python3 adapter.py
          cognito-feedback conform matrix botocore.json aws-sdk-go.json >> "$GITHUB_STEP_SUMMARY"

        EXIT STATUS: 0 when the matrix was written, 2 on usage errors or an unreadable report,
        3 when it cannot be written (standard output or --output's file closed or full).
        """

    static func run(_ arguments: ArraySlice<String>, io: ToolIO) throws(UsageError) -> Int32 {
        let args = try Arguments(arguments, options: ["--format", "--output", "--vectors"], switches: ["--help", "-h"])
        if !args.switches.isDisjoint(with: ["--help", "-h"]) { io.output.write(help + "\n"); return 0 }
        let format = try args.choice("--format", ["markdown", "html"], default: "markdown")
        guard !args.positionals.isEmpty else { throw UsageError("conform matrix needs one or more JSON reports") }
        var reports: [ConformanceReport] = []
        for path in args.positionals {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError("\(path): cannot be read")
            }
            do { reports.append(try ConformanceReport(jsonReport: data, document: path)) } catch {
                throw UsageError("\(path): not a JSON report of cognito-feedback conform (--format json): \(error.reason)")
            }
        }
        let selection = try VectorSelection(args)
        // The reports are the runner's own, already filtered; a report edited
        // by hand, or written by another tool, passes the filter here.
        io.filter.use(Redactor(vectors: selection.library.vectors, cases: ClientCase.answerCases))
        let output = try args.values["--output"].map { path throws(UsageError) in try OutputFile(path: path, what: "the matrix", filter: io.filter) }
        let matrix = ConformanceMatrix(reports: reports, library: selection.library, vectorsVersion: selection.library.version)
        let text = format == "html" ? matrix.html : matrix.markdown
        guard let output else {
            io.output.write(text)
            return 0
        }
        do throws(UsageError) {
            try output.commit(text)
        } catch {
            io.error("cognito-feedback: error: " + TerminalText.escaped(error.message, limit: 400))
            return Tool.outputFailed
        }
        return 0
    }
}
