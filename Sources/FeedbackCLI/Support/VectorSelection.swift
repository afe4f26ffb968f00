#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedbackConformance
import FeedbackRules

/// The vector-choosing options shared by `vectors list` and `conform`:
/// `--vectors DIR`, `--id PATTERN`, `--flag NAME`, `--operation NAME`,
/// `--result valid|invalid|acceptable`.
struct VectorSelection {
    /// The option names this selection reads.
    static let options: Set<String> = ["--vectors", "--id", "--flag", "--operation", "--result"]

    /// Help text for the options, indented for a USAGE block.
    static let help = """
          --id <pattern>           Only vectors whose id matches (* matches any run). With
                                   conform client, the filters also choose among the canned-
                                   answer cases (ids answer.*: valid, no flags).
          --flag <flag>            Only vectors with this flag.
          --operation <operation>  Only vectors of this operation (full name, update or admin).
          --result <result>        Only valid, invalid or acceptable vectors.
          --vectors <dir>          Read vectors from <dir> (default: $COGNITO_FEEDBACK_VECTORS,
                                   else the set built into the tool).
        """

    let library: VectorLibrary
    let vectors: [Vector]
    /// The canned-answer client cases (``ClientCase/answerCases``) the same
    /// filters select: they have an id and an operation, no flags, and are
    /// `valid`.
    let answerCases: [ClientCase]

    /// Loads the library and applies the filters in `args`.
    /// - Throws: a usage error for an unknown flag or value; `LoadFailure`
    ///   when the vectors cannot be read.
    init(_ args: Arguments) throws(UsageError) {
        do {
            if let directory = args.values["--vectors"] {
                library = try VectorLibrary.load(from: URL(fileURLWithPath: directory, isDirectory: true))
            } else {
                library = try VectorLibrary.load()
            }
        } catch {
            throw UsageError("cannot load vectors: \(error)")
        }
        var vectors = library.vectors
        var answerCases = ClientCase.answerCases
        if let pattern = args.values["--id"] {
            vectors = vectors.filter { IDPattern(pattern).matches($0.id) }
            answerCases = answerCases.filter { IDPattern(pattern).matches($0.id) }
        }
        if let flag = args.values["--flag"] {
            guard library.flags[flag] != nil else { throw UsageError("unknown flag \(flag); see 'cognito-feedback vectors flags'") }
            vectors = vectors.filter { $0.flags.contains(flag) }
            answerCases = []
        }
        if let name = args.values["--operation"] {
            let operation = try FeedbackOperation(argument: name)
            vectors = vectors.filter { $0.operation == operation }
            answerCases = answerCases.filter { $0.operation == operation }
        }
        if let result = args.values["--result"] {
            guard let result = Vector.Result(rawValue: result) else { throw UsageError("--result must be valid, invalid or acceptable") }
            vectors = vectors.filter { $0.result == result }
            if result != .valid { answerCases = [] }
        }
        self.vectors = vectors
        self.answerCases = answerCases
    }
}
