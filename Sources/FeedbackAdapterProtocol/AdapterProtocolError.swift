import FeedbackRules
import FeedbackSigning
import FeedbackWire

/// A protocol message that is not what `Conformance/PROTOCOL.md` says: its
/// description names the field at fault, never a value.
public struct AdapterProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `'request.headers' is not an object`.
    public var description: String

    /// Creates an error; `description` must quote no value.
    public init(_ description: String) {
        self.description = description
    }

    /// The JSON object a line holds (trailing `\r\n` or `\n` allowed).
    static func object(_ line: some Collection<UInt8>) throws(AdapterProtocolError) -> [String: JSONValue] {
        var bytes = Array(line)
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        do { return try JSONValue.object(parsing: bytes) } catch {
            throw AdapterProtocolError("the line is not a JSON object (\(error))")
        }
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    func string(_ key: String) throws(AdapterProtocolError) -> String {
        guard case .string(let value)? = self[key] else { throw AdapterProtocolError("'\(key)' is missing or not a string") }
        return value
    }

    func optionalString(_ key: String) throws(AdapterProtocolError) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw AdapterProtocolError("'\(key)' is not a string")
        }
    }

    func int(_ key: String) throws(AdapterProtocolError) -> Int {
        guard case .number(let value)? = self[key], value.rounded() == value, abs(value) < 1e9 else {
            throw AdapterProtocolError("'\(key)' is missing or not an integer")
        }
        return Int(value)
    }

    func object(_ key: String) throws(AdapterProtocolError) -> [String: JSONValue] {
        guard case .object(let value)? = self[key] else { throw AdapterProtocolError("'\(key)' is missing or not an object") }
        return value
    }
}

extension HeaderFields {
    /// The fields as the protocol writes them: an object from name to value,
    /// the values of a repeated name joined with `, ` (as HTTP allows).
    var jsonObject: JSONValue {
        var object: [String: JSONValue] = [:]
        for field in fields {
            if case .string(let earlier)? = object[field.name] {
                object[field.name] = .string(earlier + ", " + field.value)
            } else {
                object[field.name] = .string(field.value)
            }
        }
        return .object(object)
    }

    /// The fields of a protocol header object, sorted by name.
    /// - Throws: ``AdapterProtocolError`` when a value is not a string.
    init(jsonObject: [String: JSONValue], field: String) throws(AdapterProtocolError) {
        self.init()
        for (name, value) in jsonObject.sorted(by: { $0.key < $1.key }) {
            guard case .string(let value) = value else { throw AdapterProtocolError("'\(field)' values must be strings") }
            append(name, value)
        }
    }
}
