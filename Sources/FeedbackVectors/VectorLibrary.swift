import Foundation
import FeedbackRules
import FeedbackWire

/// The vectors of `vectors/`, loaded once, and the flags they use.
///
/// ```swift
/// let library = try VectorLibrary.load()
/// for vector in library.vectors(for: .rules) {
///     let outcome = Result { () throws(JSONError) in try vector.operation.validate(json: vector.wireBytes) }
///     assert(vector.judge(outcome).verdict == .pass)   // FeedbackConformance
/// }
/// ```
public struct VectorLibrary: Sendable {
    /// Every vector of every topic file, ordered by file name, then as listed.
    public let vectors: [Vector]
    /// The flags, by name, as defined in `flags.json`.
    public let flags: [String: Flag]

    /// A pitfall a vector can guard, defined once.
    public struct Flag: Sendable, Hashable, Decodable {
        /// What goes wrong, and what the vector expects.
        public let description: String
        /// Where the expectation comes from.
        public let source: String
    }

    /// The vectors for one kind of implementation.
    public func vectors(for audience: Vector.Audience) -> [Vector] {
        vectors.filter { $0.appliesTo.contains(audience) }
    }

    /// The vector with `id`, if any.
    public func vector(id: String) -> Vector? {
        vectors.first { $0.id == id }
    }

    /// Where the vectors are: `$COGNITO_FEEDBACK_VECTORS` if set, else the
    /// `vectors/` folder of the source checkout this library was built from.
    public static var defaultDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["COGNITO_FEEDBACK_VECTORS"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // FeedbackConformance
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("vectors", isDirectory: true)
    }

    /// Loads `flags.json` and every topic file (`*.json` but `schema.json`).
    /// - Throws: ``LoadError`` naming the file at fault: unreadable, not
    ///   the format, or holding a vector that breaks its rules (an
    ///   `alternative` exactly on `acceptable` vectors; no `body` only with
    ///   a `wire` text, on an acceptable vector whose alternative is `refused`).
    public static func load(from directory: URL = defaultDirectory) throws -> VectorLibrary {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory.path) }
        catch { throw LoadError(file: directory.path, reason: "cannot list the vectors folder") }
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
            let url = directory.appendingPathComponent(name)
            do { return try decoder.decode(T.self, from: try Data(contentsOf: url)) }
            catch { throw LoadError(file: url.path, reason: "\(error)") }
        }
        let flags = try decode(FlagsFile.self, "flags.json").flags
        var vectors: [Vector] = []
        for name in names.sorted() where name.hasSuffix(".json") && name != "flags.json" && name != "schema.json" {
            let tests = try decode(TopicFile.self, name).tests
            if let bad = tests.first(where: { $0.formatProblem != nil }), let problem = bad.formatProblem {
                throw LoadError(file: directory.appendingPathComponent(name).path, reason: "vector \(bad.id): \(problem)")
            }
            vectors += tests
        }
        return VectorLibrary(vectors: vectors, flags: flags)
    }

    private struct FlagsFile: Decodable { let flags: [String: Flag] }
    private struct TopicFile: Decodable { let tests: [Vector] }
}
