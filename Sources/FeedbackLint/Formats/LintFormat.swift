import FeedbackRules

/// How lint results are written.
public enum LintFormat: String, Sendable, CaseIterable {
    /// One line per violation, for people (the default).
    case text
    /// One JSON object per line and body, for programs.
    case json
    /// GitHub Actions workflow commands: annotations on the files.
    case github
    /// A SARIF 2.1.0 log, for code scanning.
    case sarif
    /// A JUnit XML report, one test case per body.
    case junit

    /// What comes before the first result.
    func header(operation: FeedbackOperation, toolVersion: String) -> [UInt8] {
        self == .sarif ? SARIFResults.header(operation: operation, toolVersion: toolVersion) : []
    }

    /// What comes after the last result.
    var footer: [UInt8] {
        switch self {
        case .sarif: SARIFResults.footer
        case .junit: JUnitResults.footer
        case .text, .json, .github: []
        }
    }
}
