import FeedbackWire

/// One of the AWS shared files, `~/.aws/credentials` or `~/.aws/config`,
/// read as the AWS SDKs read them (botocore's `RawConfigParser`): sections
/// in brackets, `key = value` (or `key: value`) lines, keys lowercased,
/// values trimmed, whole-line comments starting with `#` or `;`. An
/// indented line continues the value above it (the nested settings of
/// `s3 =` and the like), which no credential key uses: it is skipped.
///
/// ```swift
/// let file = try SharedConfigFile.read("/home/me/.aws/config")   // nil when there is none
/// file?.sections["profile ci"]?["region"]   // "eu-west-1"
/// ```
///
/// Errors name the file and the line number, never a line's text: a
/// malformed line may hold a secret.
public struct SharedConfigFile: Sendable, Hashable {
    /// The largest file read; a larger one is refused.
    public static let maxBytes = 1 << 20

    /// The path it was read from.
    public let path: String
    /// The settings of each section, by the section's name as written
    /// between the brackets (trimmed).
    public let sections: [String: [String: String]]

    /// Parses `text`, read from `path`.
    /// - Throws: ``CredentialsError/malformed(file:line:reason:)``.
    public init(text: String, path: String) throws(CredentialsError) {
        self.path = path
        var sections: [String: [String: String]] = [:]
        var current: String?
        var lineNumber = 0
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        // Lines end at LF, CR LF (one Character in Swift) or CR, as Python's universal newlines end them.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            let trimmed = line.trimmedOfSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if line.first == " " || line.first == "\t" {
                guard current != nil else { throw .malformed(file: path, line: lineNumber, reason: "an indented line before any section") }
                continue
            }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]"), trimmed.count >= 2 else {
                    throw .malformed(file: path, line: lineNumber, reason: "a section header without its closing bracket")
                }
                let name = trimmed.dropFirst().dropLast().trimmedOfSpaces
                guard sections[name] == nil else {
                    throw .malformed(file: path, line: lineNumber, reason: "a second section with the same name")
                }
                sections[name] = [:]
                current = name
                continue
            }
            guard let section = current else {
                throw .malformed(file: path, line: lineNumber, reason: "a setting before any section")
            }
            guard let delimiter = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw .malformed(file: path, line: lineNumber, reason: "neither a section, a setting nor a comment")
            }
            let key = trimmed[..<delimiter].trimmedOfSpaces.lowercased()
            let value = trimmed[trimmed.index(after: delimiter)...].trimmedOfSpaces
            guard !key.isEmpty else { throw .malformed(file: path, line: lineNumber, reason: "a setting without a name") }
            sections[section]?[key] = value
        }
        self.sections = sections
    }

    /// Reads the file at `path`; `nil` when there is none.
    /// - Throws: ``CredentialsError`` when it exists but cannot be read, is
    ///   larger than ``maxBytes``, is not UTF-8 or is malformed.
    public static func read(_ path: String) throws(CredentialsError) -> SharedConfigFile? {
        let bytes: [UInt8]
        do { bytes = try FileBytes.contents(of: path, limit: maxBytes) } catch {
            switch error {
            case .missing: return nil
            case .directory: throw .unreadable(file: path, reason: "it is a directory")
            case .unopenable: throw .unreadable(file: path, reason: "it cannot be opened")
            case .unreadable: throw .unreadable(file: path, reason: "it cannot be read")
            case .tooLarge: throw .unreadable(file: path, reason: "it is larger than \(maxBytes) bytes")
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .unreadable(file: path, reason: "it is not UTF-8") }
        return try SharedConfigFile(text: text, path: path)
    }
}

extension StringProtocol {
    /// The text without the tabs and space separators (Unicode Zs) at
    /// either end, as Foundation's `CharacterSet.whitespaces` trims it.
    fileprivate var trimmedOfSpaces: String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
