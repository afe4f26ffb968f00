#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedbackRules
import FeedbackWire

/// The test vectors and the flags they use: those compiled into this build
/// (`vectors/*.json` when it was built), or those of a folder.
///
/// ```swift
/// let library = try VectorLibrary.load()
/// for vector in library.vectors(for: .rules) {
///     let outcome = Result { () throws(JSONError) in try vector.operation.validate(json: vector.wireBytes) }
///     assert(EngineJudge().judge(outcome, of: vector).verdict == .pass)   // FeedbackConformance
/// }
/// ```
public struct VectorLibrary: Sendable {
    /// Every vector of every topic file, ordered by file name, then as listed.
    public let vectors: [Vector]
    /// The flags, by name, as defined in `flags.json`.
    public let flags: [String: Flag]

    /// A pitfall a vector can guard, defined once.
    public struct Flag: Sendable, Hashable, JSONReadable {
        /// What goes wrong, and what the vector expects.
        public let description: String
        /// Where the expectation comes from.
        public let source: String
        /// How sure the flag's claim is.
        public let evidence: Evidence

        /// Reads a flag as `flags.json` writes it.
        package init(json fields: JSONFields) throws(JSONFieldError) {
            description = try fields.string("description")
            source = try fields.string("source")
            evidence = try fields.value("evidence")
        }
    }

    /// The vectors for one kind of implementation.
    public func vectors(for audience: Vector.Audience) -> [Vector] {
        vectors.filter { $0.appliesTo.contains(audience) }
    }

    /// The vector with `id`, if any.
    public func vector(id: String) -> Vector? {
        vectors.first { $0.id == id }
    }

    /// Where the vectors came from.
    public let source: Source
    /// A digest of the files the vectors were read from (64-bit FNV-1a over
    /// each file's name and bytes, in name order), naming the set exactly:
    /// two libraries with the same digest hold the same vectors.
    public let digest: String

    /// Where a library's files came from.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// The files compiled into this build (`vectors/` when it was built).
        case builtIn
        /// A folder of vector files.
        case directory(String)

        /// `built-in`, or the folder.
        public var description: String {
            switch self {
            case .builtIn: "built-in"
            case .directory(let path): path
            }
        }
    }

    /// `built-in set, 762 vectors, digest 1a2b3c4d5e6f7a8b`.
    public var version: String {
        "\(source == .builtIn ? "built-in set" : "set \(source)"), \(vectors.count) vectors, digest \(digest)"
    }

    /// The vectors this build carries (`vectors/*.json`, compiled in), or
    /// those of the folder `$COGNITO_FEEDBACK_VECTORS` names when it is set.
    /// - Throws: ``LoadError`` naming the file at fault.
    public static func load() throws -> VectorLibrary {
        if let path = ProcessInfo.processInfo.environment["COGNITO_FEEDBACK_VECTORS"], !path.isEmpty {
            return try load(from: URL(fileURLWithPath: path, isDirectory: true))
        }
        return try builtIn.get()
    }

    /// The vectors compiled into this build, read once.
    private static let builtIn = Result {
        try VectorLibrary(files: EmbeddedVectors.files.map { file in
            (file.name, file.text.withUTF8Buffer { Array($0) })
        }, source: .builtIn, location: { "built-in \($0)" })
    }

    /// Loads `flags.json` and every topic file (`*.json` but `schema.json`)
    /// of `directory`.
    /// - Throws: ``LoadError`` naming the file at fault: unreadable, not
    ///   the format, or holding a vector that breaks its rules
    ///   (`alternatives` exactly on `acceptable` vectors, each answer once;
    ///   no `body` only with a `wire` text, on a vector that allows a refusal).
    public static func load(from directory: URL) throws -> VectorLibrary {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory.path) }
        catch { throw LoadError(file: directory.path, reason: "cannot list the vectors folder") }
        var files: [(String, [UInt8])] = []
        for name in names.sorted() where name.hasSuffix(".json") && name != "schema.json" {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw LoadError(file: url.path, reason: "cannot be read")
            }
            files.append((name, Array(data)))
        }
        return try VectorLibrary(files: files, source: .directory(directory.path),
                                 location: { directory.appendingPathComponent($0).path })
    }

    /// Reads the files: `flags.json`, then every other one as a topic file,
    /// in name order. `location` names a file in errors.
    private init(files: [(name: String, bytes: [UInt8])], source: Source, location: (String) -> String) throws {
        func fields(_ file: (name: String, bytes: [UInt8])) throws -> JSONFields {
            do { return try JSONFields(parsing: file.bytes, document: file.name) }
            catch { throw LoadError(file: location(file.name), reason: error.reason) }
        }
        let files = files.sorted { $0.name < $1.name }
        guard let flagsFile = files.first(where: { $0.name == "flags.json" }) else {
            throw LoadError(file: location("flags.json"), reason: "missing")
        }
        do {
            let object = try fields(flagsFile).object("flags")
            var flags: [String: Flag] = [:]
            for name in object.members.keys { flags[name] = try Flag(json: try object.object(name)) }
            self.flags = flags
        } catch let error as JSONFieldError {
            throw LoadError(file: location(flagsFile.name), reason: error.reason)
        }
        var vectors: [Vector] = []
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files {
            // FNV-1a over the name, a zero byte and the bytes, without copying them.
            func add(_ bytes: UnsafeBufferPointer<UInt8>) {
                var index = 0
                while index < bytes.count {
                    hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
                    index += 1
                }
            }
            Array(file.name.utf8).withUnsafeBufferPointer(add)
            [UInt8(0)].withUnsafeBufferPointer(add)
            file.bytes.withUnsafeBufferPointer(add)
            guard file.name != "flags.json" else { continue }
            let tests: [Vector]
            do {
                tests = try fields(file).array("tests") { element throws(JSONFieldError) in try Vector(json: try element.object()) }
            } catch let error as JSONFieldError {
                throw LoadError(file: location(file.name), reason: error.reason)
            }
            if let bad = tests.first(where: { $0.formatProblem != nil }), let problem = bad.formatProblem {
                throw LoadError(file: location(file.name), reason: "vector \(bad.id): \(problem)")
            }
            vectors += tests
        }
        self.vectors = vectors
        self.source = source
        digest = String(hash, radix: 16).leftPadded(to: 16)
    }

}

extension String {
    /// The string with zeros in front, to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
