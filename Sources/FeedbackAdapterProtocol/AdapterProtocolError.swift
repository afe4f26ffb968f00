import FeedbackRules
import FeedbackSigning
import FeedbackWire

/// A protocol message that is not what `Conformance/PROTOCOL.md` says: its
/// description names the field at fault, never a value.
public struct AdapterProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `request.headers: expected an object`.
    public var description: String

    /// Creates an error; `description` must quote no value.
    public init(_ description: String) {
        self.description = description
    }

    /// The JSON object a line holds (trailing `\r\n` or `\n` allowed).
    static func object(_ line: some Collection<UInt8>) throws(AdapterProtocolError) -> JSONFields {
        var bytes = Array(line)
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        let members: [String: JSONValue]
        do { members = try JSONValue.object(parsing: bytes) } catch {
            throw AdapterProtocolError("the line is not a JSON object (\(error))")
        }
        return JSONFields(members: members, document: "the line")
    }

    /// Runs `read`, which reads a message's fields: a field of the wrong
    /// type (`JSONFieldError`) becomes this error, naming the field.
    static func reading<Value>(_ read: () throws -> Value) throws(AdapterProtocolError) -> Value {
        do { return try read() } catch let error as AdapterProtocolError {
            throw error
        } catch let error as JSONFieldError {
            throw AdapterProtocolError(error.reason)
        } catch {
            throw AdapterProtocolError("\(error)")
        }
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
    init(jsonObject: JSONFields) throws(AdapterProtocolError) {
        self.init()
        for (name, value) in jsonObject.members.sorted(by: { $0.key < $1.key }) {
            guard case .string(let value) = value else { throw AdapterProtocolError("'\(jsonObject.path)' values must be strings") }
            append(name, value)
        }
    }
}
