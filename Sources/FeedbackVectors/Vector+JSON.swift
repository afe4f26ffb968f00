import FeedbackWire

extension Vector {
    /// The vector as JSON, in the format of the topic files
    /// (`vectors/README.md`).
    public var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "description": .string(summary), "operation": .string(operation.rawValue),
            "result": .string(result.rawValue), "flags": .array(flags.map(JSONValue.string)),
            "evidence": .string(evidence.rawValue),
            "appliesTo": .array(Audience.allCases.filter(appliesTo.contains).map { .string($0.rawValue) }),
            "expected": expected?.jsonValue ?? .null,
        ]
        if let body { object["body"] = .object(body.members) }
        if let wire { object["wire"] = .string(wire) }
        if !alternatives.isEmpty { object["alternatives"] = .array(alternatives.map(\.jsonValue)) }
        return .object(object)
    }
}

extension Vector.Alternative {
    /// The alternative as JSON, as in the topic files: `"valid"`, `"refused"` or an error object.
    public var jsonValue: JSONValue {
        switch self {
        case .valid: .string("valid")
        case .refused: .string("refused")
        case .error(let expectation): expectation.jsonValue
        }
    }
}

extension Expectation {
    /// The expectation as JSON, as in the topic files.
    public var jsonValue: JSONValue {
        .object([
            "errorType": .string(errorType.rawValue), "message": .nullable(message),
            "violations": .array(violations.map { violation in
                .object(["member": .string(violation.member.wireName), "path": .string(violation.path),
                         "constraint": .string(violation.constraint.rawValue), "message": .nullable(violation.message)])
            }),
        ])
    }
}
