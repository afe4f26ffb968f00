/// A file the tool was given (vectors, an expectation file, a report, a
/// recording) that could not be used: unreadable, or not its format.
///
/// Its description names the file and what is wrong: `vectors/x.json:
/// vector y: alternatives is required for acceptable vectors and forbidden
/// otherwise`. It never
/// quotes a value from the file.
public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or folder.
    public let file: String
    /// What went wrong.
    public let reason: String

    /// An error about `file`.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}
