import Foundation

/// One of the AWS shared files, `~/.aws/credentials` or `~/.aws/config`,
/// read as the AWS SDKs read them (botocore's `RawConfigParser`): sections
/// in brackets, `key = value` (or `key: value`) lines, keys lowercased,
/// values trimmed, whole-line comments starting with `#` or `;`. An
/// indented line continues the value above it (the nested settings of
/// `s3 =` and the like), which no credential key uses: it is skipped.
///
/// ```swift
/// let file = try SharedConfigFile(path: "/home/me/.aws/config")
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
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if line.first == " " || line.first == "\t" {
                guard current != nil else { throw .malformed(file: path, line: lineNumber, reason: "an indented line before any section") }
                continue
            }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]"), trimmed.count >= 2 else {
                    throw .malformed(file: path, line: lineNumber, reason: "a section header without its closing bracket")
                }
                let name = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
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
            let key = trimmed[..<delimiter].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: delimiter)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { throw .malformed(file: path, line: lineNumber, reason: "a setting without a name") }
            sections[section]?[key] = value
        }
        self.sections = sections
    }

    /// Reads the file at `path`; `nil` when there is none.
    /// - Throws: ``CredentialsError`` when it exists but cannot be read, is
    ///   larger than ``maxBytes``, is not UTF-8 or is malformed.
    public static func read(_ path: String) throws(CredentialsError) -> SharedConfigFile? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard !isDirectory.boolValue else { throw .unreadable(file: path, reason: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(file: path, reason: "it cannot be opened") }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: maxBytes + 1) ?? Data() } catch {
            throw .unreadable(file: path, reason: "it cannot be read")
        }
        guard data.count <= maxBytes else { throw .unreadable(file: path, reason: "it is larger than \(maxBytes) bytes") }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(file: path, reason: "it is not UTF-8") }
        return try SharedConfigFile(text: text, path: path)
    }
}
