/// A parsed command line: options with values, switches, and positionals.
struct Arguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var switches: Set<String> = []

    /// Parses `arguments` (without the command names). `--name value` and
    /// `--name=value` are both accepted; `--` ends the options; `-` is a
    /// positional (standard input).
    init(_ arguments: ArraySlice<String>, options: Set<String>, switches known: Set<String>) throws(UsageError) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--" { positionals += rest; break }
            guard argument.hasPrefix("-"), argument != "-" else { positionals.append(argument); continue }
            var name = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            if known.contains(name), inline == nil {
                switches.insert(name)
            } else if options.contains(name) {
                guard let value = inline ?? rest.popFirst() else { throw UsageError("\(name) needs a value") }
                values[name] = value
            } else {
                throw UsageError("unknown option \(name)")
            }
        }
    }

    /// The value of `name`, one of `allowed` (matched case-insensitively).
    func choice(_ name: String, _ allowed: [String], default fallback: String) throws(UsageError) -> String {
        guard let value = values[name] else { return fallback }
        guard let match = allowed.first(where: { $0.lowercased() == value.lowercased() }) else {
            throw UsageError("\(name) must be one of: \(allowed.joined(separator: ", "))")
        }
        return match
    }
}

/// A mistake on the command line: exit status 2, one line on standard error.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
