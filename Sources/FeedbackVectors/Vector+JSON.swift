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
        if let alternative { object["alternative"] = .string(alternative.rawValue) }
        return .object(object)
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
