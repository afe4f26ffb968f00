import FeedbackLint
import FeedbackRules
import FeedbackTestSupport
import FeedbackVectors
import FeedbackWire
import Foundation
import Testing

/// Every rules vector, linted in every format, says what the engine's
/// ``ValidationReport`` says: valid, or the same error type, the same
/// violations (member, constraint, message) in the same order and, where a
/// format shows it, the same aggregate message; a body the engine cannot
/// read is unusable. Lint renders from a cache of its own, so nothing else
/// ties its output to the engine.
///
/// Each format is read back by its own documented shape (JSON, SARIF: as
/// JSON; text: `name:line: Type: Member kind: message`; GitHub: workflow
/// commands, percent-decoded; JUnit: XML attributes and text, entities
/// decoded), never by the code that wrote it.
@Suite("Lint and the engine agree on every rules vector, in every format")
struct LintEngineAgreementTests {
    @Test("Each format reports each vector's body as the engine judges it", arguments: LintFormat.allCases)
    func formatAgreesWithEngine(_ format: LintFormat) throws {
        for operation in FeedbackOperation.allCases {
            let cases = try Self.cases(for: operation)
            let file = try TemporaryFile(Data(Array(cases.map(\.wire).joined(separator: [0x0A])) + [0x0A]), suffix: ".jsonl")
            let output = lint([file], linter(format, operation: operation))
            let read = try Self.read(output.text, format: format, name: file.path)
            for (index, item) in cases.enumerated() {
                let expected = item.verdict.shown(in: format)
                let got = read[index + 1] ?? .valid
                #expect(got == expected, "\(item.id) (\(operation.rawValue), \(format))")
            }
            #expect(Set(read.keys).isSubset(of: Set(1...cases.count)), "results for lines that hold no vector")
        }
    }

    /// A vector's body on one line, and the engine's verdict on it.
    struct Case {
        let id: String
        let wire: [UInt8]
        let verdict: Verdict
    }

    /// The rules vectors of `operation` whose body fits on one JSON Lines
    /// line: not blank (a blank line is no body in JSON Lines) and without
    /// a line break (JSON allows one only between tokens). The others are
    /// few, and counted.
    static func cases(for operation: FeedbackOperation) throws -> [Case] {
        let vectors = try Vectors.for(.rules).filter { $0.operation == operation }
        let cases = vectors.compactMap { vector -> Case? in
            let wire = vector.wireBytes
            guard !wire.allSatisfy({ [0x20, 0x09].contains($0) }), !wire.contains(0x0A), !wire.contains(0x0D) else { return nil }
            return Case(id: vector.id, wire: wire, verdict: Verdict(engine: operation, judging: wire))
        }
        #expect(cases.count * 100 >= vectors.count * 95, "\(vectors.count - cases.count) of \(vectors.count) vectors left out")
        #expect(cases.contains { if case .invalid(let type, _, _) = $0.verdict { type == ServiceError.serialization.rawValue } else { false } })
        #expect(cases.contains { if case .unusable = $0.verdict { true } else { false } })
        return cases
    }

    // MARK: What a result says

    /// One body's result: what every format can say.
    enum Verdict: Equatable, CustomStringConvertible {
        case valid
        /// The error type, the aggregate message (`nil` where a format
        /// does not show it), and each violation as `Member/kind` and its
        /// message.
        case invalid(String, String?, [Part])
        case unusable

        struct Part: Equatable {
            let rule: String
            let message: String
        }

        /// The engine's verdict on `wire` as a body of `operation`.
        init(engine operation: FeedbackOperation, judging wire: [UInt8]) {
            guard let report = try? operation.validate(json: wire) else { self = .unusable; return }
            guard let errorType = report.errorType else { self = .valid; return }
            self = .invalid(errorType.rawValue, report.message,
                            report.violations.map { Part(rule: "\($0.member.wireName)/\($0.kind.rawValue)", message: $0.message) })
        }

        /// The verdict as `format` can show it: text, GitHub and JUnit
        /// escape control characters in messages for terminals and logs;
        /// only JSON, SARIF and JUnit show the aggregate message.
        func shown(in format: LintFormat) -> Verdict {
            guard case .invalid(let type, let message, let parts) = self else { return self }
            let escapes = [.text, .github, .junit].contains(format)
            let shownParts = parts.map { Part(rule: $0.rule, message: escapes ? TerminalText.escaped($0.message) : $0.message) }
            let aggregate: String? = switch format {
            case .json, .sarif: message
            case .junit: message.map { TerminalText.escaped($0) }
            case .text, .github: nil
            }
            // SARIF shows each violation, and the aggregate only through them.
            return .invalid(type, format == .sarif ? nil : aggregate, shownParts)
        }

        var description: String {
            switch self {
            case .valid: "valid"
            case .unusable: "unusable"
            case .invalid(let type, let message, let parts):
                "\(type) \(message ?? "-") [\(parts.map { "\($0.rule): \($0.message)" }.joined(separator: " | "))]"
            }
        }
    }

    // MARK: Reading each format back

    /// The verdict of each line `output` reports on; a line without a
    /// result is valid (GitHub and SARIF show failures only).
    static func read(_ output: String, format: LintFormat, name: String) throws -> [Int: Verdict] {
        switch format {
        case .json: try readJSON(output)
        case .sarif: try readSARIF(output)
        case .text: try readText(output, name: name)
        case .github: try readGitHub(output)
        case .junit: try readJUnit(output)
        }
    }

    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    static func readJSON(_ output: String) throws -> [Int: Verdict] {
        var verdicts: [Int: Verdict] = [:]
        for line in output.split(separator: "\n") {
            guard case .object(let result) = try JSONValue(parsing: Array(line.utf8)),
                  case .number(let number)? = result["line"] else { throw Unreadable(description: "json: \(line)") }
            let verdict: Verdict
            switch result["valid"] {
            case .bool(true)?: verdict = .valid
            case .null?: verdict = .unusable
            case .bool(false)?:
                guard case .string(let type)? = result["errorType"], case .string(let message)? = result["message"],
                      case .array(let violations)? = result["violations"] else { throw Unreadable(description: "json: \(line)") }
                verdict = .invalid(type, message, try violations.map { violation in
                    guard case .object(let fields) = violation, case .string(let member)? = fields["member"],
                          case .string(let constraint)? = fields["constraint"], case .string(let message)? = fields["message"]
                    else { throw Unreadable(description: "json violation: \(line)") }
                    return Verdict.Part(rule: "\(member)/\(constraint)", message: message)
                })
            default: throw Unreadable(description: "json: \(line)")
            }
            verdicts[Int(number)] = verdict
        }
        return verdicts
    }

    static func readSARIF(_ output: String) throws -> [Int: Verdict] {
        guard case .object(let log) = try JSONValue(parsing: Array(output.utf8)), case .array(let runs)? = log["runs"],
              case .object(let run)? = runs.first, case .array(let results)? = run["results"]
        else { throw Unreadable(description: "sarif: no runs[0].results") }
        var verdicts: [Int: Verdict] = [:]
        for result in results {
            guard case .object(let fields) = result, case .string(let rule)? = fields["ruleId"],
                  case .object(let message)? = fields["message"], case .string(let text)? = message["text"],
                  case .array(let locations)? = fields["locations"], case .object(let location)? = locations.first,
                  case .object(let physical)? = location["physicalLocation"], case .object(let region)? = physical["region"],
                  case .number(let line)? = region["startLine"]
            else { throw Unreadable(description: "sarif result: \(result)") }
            add(rule: rule, text: text, aggregate: nil, line: Int(line), to: &verdicts)
        }
        return verdicts
    }

    /// `name:line: valid`, `name:line: Type: Member kind: message`, or
    /// `name:line:column: error: reason`.
    static func readText(_ output: String, name: String) throws -> [Int: Verdict] {
        var verdicts: [Int: Verdict] = [:]
        for line in output.split(separator: "\n") {
            guard line.hasPrefix(name + ":") else { throw Unreadable(description: "text: \(line)") }
            let rest = line.dropFirst(name.count + 1)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits) else { throw Unreadable(description: "text: \(line)") }
            let after = rest.dropFirst(digits.count)
            if after == ": valid" {
                verdicts[number] = .valid
            } else if after.hasPrefix(":"), after.dropFirst().first?.isNumber == true, after.contains(": error: ") {
                verdicts[number] = .unusable
            } else if after.hasPrefix(": ") {
                let text = after.dropFirst(2)
                guard let typeEnd = text.firstRange(of: ": "), let memberEnd = text[typeEnd.upperBound...].firstIndex(of: " "),
                      let kindEnd = text[memberEnd...].firstRange(of: ": ")
                else { throw Unreadable(description: "text: \(line)") }
                let type = String(text[..<typeEnd.lowerBound])
                let rule = "\(text[typeEnd.upperBound..<memberEnd])/\(text[text.index(after: memberEnd)..<kindEnd.lowerBound])"
                add(rule: rule, text: "\(type): \(text[kindEnd.upperBound...])", aggregate: nil, line: number, to: &verdicts)
            } else {
                throw Unreadable(description: "text: \(line)")
            }
        }
        return verdicts
    }

    /// `::error file=…,line=N,col=C,title=RULE::Type: message`, data
    /// percent-encoded (`%25`, `%0D`, `%0A`), properties also `%3A`, `%2C`.
    static func readGitHub(_ output: String) throws -> [Int: Verdict] {
        var verdicts: [Int: Verdict] = [:]
        for line in output.split(separator: "\n") {
            guard line.hasPrefix("::error "), let split = line.firstRange(of: "::", in: 8) else {
                throw Unreadable(description: "github: \(line)")
            }
            var properties: [Substring: String] = [:]
            for property in line[line.index(line.startIndex, offsetBy: 8)..<split.lowerBound].split(separator: ",") {
                guard let equals = property.firstIndex(of: "=") else { throw Unreadable(description: "github: \(line)") }
                properties[property[..<equals]] = percentDecoded(property[property.index(after: equals)...])
            }
            guard let rule = properties["title"], let number = properties["line"].flatMap({ Int($0) }) else {
                throw Unreadable(description: "github: \(line)")
            }
            add(rule: rule, text: percentDecoded(line[split.upperBound...]), aggregate: nil, line: number, to: &verdicts)
        }
        return verdicts
    }

    /// `<testcase … name="line N">`, empty (valid), with a `<failure
    /// type="…" message="…">` whose text holds `line N, column C: Member
    /// kind: message` per violation, or with an `<error>` (unusable).
    static func readJUnit(_ output: String) throws -> [Int: Verdict] {
        var verdicts: [Int: Verdict] = [:]
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("<testcase ") else { continue }
            guard let name = attribute("name", in: line), name.hasPrefix("line "),
                  let number = Int(name.dropFirst(5).prefix { $0.isNumber }) else { throw Unreadable(description: "junit: \(line)") }
            if line.hasSuffix("/>") && !line.contains("<failure") && !line.contains("<error") {
                verdicts[number] = .valid
            } else if line.contains("<error ") {
                verdicts[number] = .unusable
            } else {
                guard let type = attribute("type", in: line), let message = attribute("message", in: line) else {
                    throw Unreadable(description: "junit: \(line)")
                }
                verdicts[number] = .invalid(type, message, [])
            }
        }
        // The failures' texts: one line per violation, after the testcase line.
        var current: Int?
        for line in output.split(separator: "\n") {
            if line.hasPrefix("<testcase ") {
                current = attribute("name", in: line).flatMap { Int($0.dropFirst(5).prefix { $0.isNumber }) }
            }
            // The first violation follows the failure's start tag on the testcase's line.
            let text = line.hasPrefix("<testcase ")
                ? line.firstRange(of: "<failure ").flatMap { line[$0.upperBound...].firstRange(of: "\">") }.map { line[$0.upperBound...] } ?? ""
                : line
            guard let current, case .invalid(let type, let message, let parts)? = verdicts[current],
                  text.hasPrefix("line "), let place = text.firstRange(of: ": ") else { continue }
            let violation = text[place.upperBound...]
            guard let memberEnd = violation.firstIndex(of: " "), let kindEnd = violation.firstRange(of: ": ") else {
                throw Unreadable(description: "junit: \(line)")
            }
            let rule = "\(violation[..<memberEnd])/\(violation[violation.index(after: memberEnd)..<kindEnd.lowerBound])"
            verdicts[current] = .invalid(type, message, parts + [Verdict.Part(rule: rule, message: entityDecoded(violation[kindEnd.upperBound...]))])
        }
        return verdicts
    }

    /// Adds a violation of `rule` reported as `text` (`Type: message`) on
    /// `line`: `input/unusable` marks the line unusable.
    static func add(rule: String, text: String, aggregate: String?, line: Int, to verdicts: inout [Int: Verdict]) {
        if rule == "input/unusable" { verdicts[line] = .unusable; return }
        guard let typeEnd = text.firstRange(of: ": ") else { verdicts[line] = .unusable; return }
        let type = String(text[..<typeEnd.lowerBound])
        let part = Verdict.Part(rule: rule, message: String(text[typeEnd.upperBound...]))
        if case .invalid(let seenType, let seenAggregate, let parts)? = verdicts[line] {
            // A second type in one result stays visible as a third kind of verdict.
            verdicts[line] = seenType == type ? .invalid(type, seenAggregate, parts + [part]) : .unusable
        } else {
            verdicts[line] = .invalid(type, aggregate, [part])
        }
    }

    static func attribute(_ name: String, in line: Substring) -> String? {
        guard let start = line.firstRange(of: " \(name)=\"") else { return nil }
        let value = line[start.upperBound...]
        guard let end = value.firstIndex(of: "\"") else { return nil }
        return entityDecoded(value[..<end])
    }

    static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = [], utf8 = Array(text.utf8), index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let byte = UInt8(String(decoding: utf8[index + 1...index + 2], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func entityDecoded(_ text: Substring) -> String {
        var out = "", rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            let scalar: Unicode.Scalar? = switch entity {
            case "amp": "&"
            case "lt": "<"
            case "gt": ">"
            case "quot": "\""
            case "apos": "'"
            default:
                entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) : nil
            }
            guard let scalar else { out += rest[amp...semicolon]; rest = rest[rest.index(after: semicolon)...]; continue }
            out.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}

extension Substring {
    /// The first `separator` at or after character offset `offset`.
    func firstRange(of separator: String, in offset: Int) -> Range<Index>? {
        self[index(startIndex, offsetBy: offset)...].firstRange(of: separator)
    }
}
