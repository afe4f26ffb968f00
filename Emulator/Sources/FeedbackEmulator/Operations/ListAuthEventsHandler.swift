import FeedbackRules
import FeedbackWire
import Foundation
import NIOCore

/// `AdminListUserAuthEvents`: its members validated as the service model
/// states them (botocore's `cognito-idp` 2016-04-18: `UserPoolId` and
/// `Username` required, with the feedback operations' rules, judged by the
/// engine; `MaxResults` an integer in 0...60, 0 or absent meaning 60;
/// `NextToken` 1...131072 scalars of `[\S]+`), then the user's events,
/// newest first, a page at a time.
struct ListAuthEventsHandler: Sendable {
    let store: UserPoolStore

    static let members: Set<String> = ["UserPoolId", "Username", "MaxResults", "NextToken"]
    static let pageLimit = 60

    func answer(body: ByteBuffer) -> APIAnswer {
        let members: [String: JSONValue]
        do {
            members = try JSONValue.object(parsing: body.readableBytesView, keepingOnly: Self.members)
        } catch {
            return ServiceAnswer.error(.serialization)
        }
        // UserPoolId and Username: the engine's rules, through an Admin feedback
        // request whose other members are valid placeholders.
        let report = FeedbackOperation.adminUpdateAuthEventFeedback.validate { member in
            switch member {
            case .userPoolId: members["UserPoolId"]?.memberValue ?? .absent
            case .username: members["Username"]?.memberValue ?? .absent
            case .eventId: .string("0")
            case .feedbackValue: .string("Valid")
            case .feedbackToken: .absent
            }
        }
        let maxResults = members["MaxResults"] ?? .null
        let nextToken = members["NextToken"] ?? .null
        var limit = Self.pageLimit
        var parts: [String] = []
        switch maxResults {
        case .null: break
        case .number(let number) where number.rounded() == number && abs(number) < 1e15:
            if number < 0 {
                parts.append("Value '\(Int64(number))' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 0")
            } else if number > Double(Self.pageLimit) {
                parts.append("Value '\(Int64(number))' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60")
            } else if number > 0 {
                limit = Int(number)
            }
        default:
            return ServiceAnswer.error("SerializationException", "MaxResults must be an integer")
        }
        var offset = 0
        switch nextToken {
        case .null: break
        case .string(let token):
            let scalars = token.unicodeScalars.count
            let shown = token
            if scalars < 1 {
                parts.append("Value '' at 'nextToken' failed to satisfy constraint: Member must have length greater than or equal to 1")
            } else if scalars > 131_072 {
                parts.append("Value '\(shown)' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 131072")
            }
            if !token.unicodeScalars.allSatisfy(Self.isNonWhitespace) {
                parts.append("Value '\(shown)' at 'nextToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+")
            }
            if parts.isEmpty, report.isValid {
                guard let page = PageToken(token) else {
                    return ServiceAnswer.error("InvalidParameterException", "Invalid pagination token.")
                }
                offset = page.offset
            }
        default:
            return ServiceAnswer.error("SerializationException", "NextToken must be a string")
        }
        if report.errorType == .serialization { return ServiceAnswer.error("SerializationException", report.message) }
        let allParts = report.violations.map(\.message) + parts
        if !allParts.isEmpty {
            let head = allParts.count == 1 ? "1 validation error detected: " : "\(allParts.count) validation errors detected: "
            return ServiceAnswer.error("InvalidParameterException", head + allParts.joined(separator: "; "))
        }
        guard case .string(let poolId)? = members["UserPoolId"], case .string(let username)? = members["Username"] else {
            preconditionFailure("a valid request holds UserPoolId and Username as strings")
        }
        switch store.authEvents(poolId: poolId, username: username, offset: offset, limit: limit) {
        case .failure(let error):
            return ServiceAnswer.error(error)
        case .success(let page):
            var result: [String: JSONValue] = ["AuthEvents": .array(page.events.map(Self.authEvent))]
            if let next = page.next { result["NextToken"] = .string(PageToken(offset: next).text) }
            return ServiceAnswer.success(ByteBuffer(bytes: JSONWriter().text(.object(result))))
        }
    }

    /// An event as `AuthEventType` of the service model.
    static func authEvent(_ event: Seed.AuthEvent) -> JSONValue {
        var object: [String: JSONValue] = [
            "EventId": .string(event.eventId),
            "EventType": .string(event.eventType),
            "CreationDate": .number(event.creationDate?.timeIntervalSince1970 ?? 0),
            "EventResponse": .string(event.eventResponse),
            "EventRisk": .object([
                "RiskDecision": .string(event.riskDecision), "RiskLevel": .string(event.riskLevel),
                "CompromisedCredentialsDetected": .bool(false),
            ]),
            "ChallengeResponses": .array([]),
        ]
        if let feedback = event.feedback {
            object["EventFeedback"] = .object([
                "FeedbackValue": .string(feedback.value), "Provider": .string(feedback.provider),
                "FeedbackDate": .number(feedback.date.timeIntervalSince1970),
            ])
        }
        return .object(object)
    }

    /// Java's `\S`: not one of space, tab, LF, VT, FF, CR.
    static func isNonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        !(scalar == " " || ("\t"..."\r").contains(scalar))
    }
}

/// The emulator's `NextToken`: `page.N`, N the offset of the next event.
struct PageToken: Sendable, Hashable {
    let offset: Int

    init(offset: Int) { self.offset = offset }

    init?(_ text: String) {
        let prefix = "page."
        guard text.hasPrefix(prefix), let offset = Int(text.dropFirst(prefix.count)), offset > 0,
            String(offset) == text.dropFirst(prefix.count)
        else { return nil }
        self.offset = offset
    }

    var text: String { "page.\(offset)" }
}
