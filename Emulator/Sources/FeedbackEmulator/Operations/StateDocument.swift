import FeedbackWire
import Foundation

/// `GET /_emulator/state`: every pool, user and event with the feedback
/// recorded on it, as a seed document without the feedback tokens (dates
/// as ISO 8601). Read-only.
enum StateDocument {
    static func json(_ seed: Seed) -> [UInt8] {
        let pools: [JSONValue] = seed.userPools.map { pool in
            .object([
                "id": .string(pool.id),
                "advancedSecurity": .bool(pool.advancedSecurity),
                "users": .array(pool.users.map { user in
                    .object([
                        "username": .string(user.username),
                        "authEvents": .array(user.authEvents.map(event)),
                    ])
                }),
            ])
        }
        var out = JSONWriter(indentation: 2).text(.object(["userPools": .array(pools)]))
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private static func event(_ event: Seed.AuthEvent) -> JSONValue {
        var object: [String: JSONValue] = [
            "eventId": .string(event.eventId),
            "eventType": .string(event.eventType),
            "creationDate": .nullable(event.creationDate.map(date)),
            "eventResponse": .string(event.eventResponse),
            "riskDecision": .string(event.riskDecision),
            "riskLevel": .string(event.riskLevel),
        ]
        if let feedback = event.feedback {
            object["feedback"] = .object([
                "value": .string(feedback.value), "provider": .string(feedback.provider), "date": .string(date(feedback.date)),
            ])
        }
        return .object(object)
    }

    private static func date(_ date: Date) -> String {
        date.ISO8601Format()
    }
}
