#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedbackConformance
import FeedbackRules

/// `cognito-feedback vectors`: lists, shows and self-checks the test vectors.
enum VectorsCommand {
    static let help = """
        USAGE: cognito-feedback vectors [list] [--id <pattern>] [--flag <flag>] [--operation <operation>]
                                        [--applies-to rules|client|server] [--result valid|invalid|acceptable]
                                        [--evidence documented|observed|indirect|inferred]
                                        [--format text|json] [--vectors <dir>]
               cognito-feedback vectors show <id> [--reveal] [--vectors <dir>]
               cognito-feedback vectors flags [--vectors <dir>]
               cognito-feedback vectors check [--vectors <dir>]

        list   One line per vector: id, result, evidence, flags (default). --evidence keeps
               the vectors of one evidence level (how sure the expectation is: documented,
               observed, indirect, inferred); the four levels partition the set.
        show   The vector as JSON, its evidence level and alternatives included.
               Username and FeedbackToken values are shown as
               <redacted: N scalars> unless --reveal is given (they are test data);
               so is a wire text that holds one, or that has no body beside it.
        flags  Every flag with its vector count, evidence level, description and source.
        check  Runs this tool's rules engine on the bytes of every rules vector; exit 1
               on any mismatch. Refusing a body conforms only to a vector that expects
               or allows a refusal.

        The vectors are read from --vectors, else $COGNITO_FEEDBACK_VECTORS, else the set
        built into the tool (vectors/ when it was built): a copied binary carries them.
        'list' says on standard error which set it read, with its digest.
        """

    static func run(_ arguments: ArraySlice<String>, io: ToolIO) throws(UsageError) -> Int32 {
        var arguments = arguments
        let subcommand = ["list", "show", "flags", "check"].contains(arguments.first ?? "") ? arguments.removeFirst() : "list"
        let args = try Arguments(
            arguments, options: VectorSelection.options.union(["--applies-to", "--evidence", "--format"]),
            switches: ["--reveal", "--help", "-h"])
        if !args.switches.isDisjoint(with: ["--help", "-h"]) { io.output.write(help + "\n"); return 0 }
        let selection = try VectorSelection(args)
        let library = selection.library
        switch subcommand {
        case "show": return try show(args, library, io)
        case "flags": return flags(library, io)
        case "check": return check(library, io)
        default: return try list(args, selection, io)
        }
    }

    static func list(_ args: Arguments, _ selection: VectorSelection, _ io: ToolIO) throws(UsageError) -> Int32 {
        guard args.positionals.isEmpty else { throw UsageError("vectors list takes no arguments") }
        var vectors = selection.vectors
        if let audience = args.values["--applies-to"] {
            guard let audience = Vector.Audience(rawValue: audience) else { throw UsageError("--applies-to must be rules, client or server") }
            vectors = vectors.filter { $0.appliesTo.contains(audience) }
        }
        if let level = args.values["--evidence"] {
            guard let level = Evidence(rawValue: level) else {
                throw UsageError("--evidence must be documented, observed, indirect or inferred")
            }
            vectors = vectors.filter { $0.evidence == level }
        }
        let json = try args.choice("--format", ["text", "json"], default: "text") == "json"
        for vector in vectors where io.output.failure == nil {
            if json {
                var line: [UInt8] = []
                JSONWriter(escaping: .lineSeparators).writeObject(
                    ["id": .string(vector.id), "operation": .string(vector.operation.rawValue),
                     "result": .string(vector.result.rawValue), "evidence": .string(vector.evidence.rawValue),
                     "flags": .array(vector.flags.map(JSONValue.string)), "description": .string(vector.summary)],
                    keys: ["id", "operation", "result", "evidence", "flags", "description"], to: &line)
                io.output.write(String(decoding: line, as: UTF8.self) + "\n")
            } else {
                io.output.write("\(vector.id)  \(vector.result.rawValue)  \(vector.evidence.rawValue)  \(vector.flags.joined(separator: ","))\n")
            }
        }
        if !json { io.error("\(vectors.count) of \(selection.library.vectors.count) vectors (\(selection.library.version))") }
        return 0
    }

    static func show(_ args: Arguments, _ library: VectorLibrary, _ io: ToolIO) throws(UsageError) -> Int32 {
        guard args.positionals.count == 1, let id = args.positionals.first else { throw UsageError("vectors show takes one vector id") }
        guard let vector = library.vector(id: id) else { io.error("cognito-feedback: error: no vector \(id)"); return 2 }
        var shown = vector.jsonValue
        if !args.switches.contains("--reveal") {
            // The vector's own values redacted; then every other string checked against every vector's values.
            let redactor = Redactor(vectors: library.vectors)
            shown = vector.redacted().jsonValue.mappingStrings(redactor.filtered)
        }
        io.output.write(String(decoding: JSONWriter(indentation: 2).text(shown), as: UTF8.self))
        return 0
    }

    static func flags(_ library: VectorLibrary, _ io: ToolIO) -> Int32 {
        for (name, flag) in library.flags.sorted(by: { $0.key < $1.key }) {
            let count = library.vectors.count { $0.flags.contains(name) }
            io.output.write("\(name) (\(count) vectors, \(flag.evidence.rawValue))\n  \(flag.description)\n  Source: \(flag.source)\n")
        }
        return 0
    }

    static func check(_ library: VectorLibrary, _ io: ToolIO) -> Int32 {
        let vectors = library.vectors(for: .rules)
        var failed = 0
        for vector in vectors where io.output.failure == nil {
            let outcome = Result { () throws(JSONError) in try vector.operation.validate(json: vector.wireBytes) }
            let result = EngineJudge().judge(outcome, of: vector)
            if result.verdict != .pass {
                failed += 1
                io.output.write("FAIL \(vector.id): \(result.got ?? "")\n")
            }
        }
        io.output.write("\(vectors.count - failed) passed, \(failed) failed\n")
        return failed == 0 ? 0 : 1
    }
}

extension Vector {
    /// A copy whose sensitive member values read `<redacted: N scalars>`;
    /// a wire text that holds any sensitive value of the vector (an
    /// overwritten duplicate's too: ``FeedbackConformance/Redactor``'s
    /// `sensitiveValues`), or that has no body beside it, reads
    /// `<redacted: N bytes>`.
    func redacted() -> Vector {
        var copy = self
        for member in Member.allCases where member.isSensitive {
            if case .string(let value)? = body?.members[member.wireName] {
                copy.body?.members[member.wireName] = .string("<redacted: \(value.unicodeScalars.count) scalars>")
            }
        }
        if let wire, body == nil || sensitiveValues.contains(where: { !$0.isEmpty }) {
            copy.wire = "<redacted: \(wire.utf8.count) bytes>"
        }
        return copy
    }
}
