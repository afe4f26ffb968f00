import Foundation
import FeedbackRules

/// The emulator's starting state, read from a JSON seed file
/// (`Emulator/seed.schema.json` is its schema, `Emulator/seed.example.json`
/// an example).
///
/// ```json
/// {"userPools": [{"id": "us-east-1_EXAMPLE", "advancedSecurity": true,
///   "users": [{"username": "alice",
///     "authEvents": [{"eventId": "e-1", "feedbackToken": "abc.def="}]}]}]}
/// ```
public struct Seed: Sendable, Hashable, Codable {
    /// The user pools.
    public var userPools: [UserPool]

    /// A user pool.
    public struct UserPool: Sendable, Hashable, Codable {
        /// The pool id, e.g. `us-east-1_EXAMPLE`.
        public var id: String
        /// Whether advanced security (threat protection) is on: without it,
        /// both feedback operations answer `UserPoolAddOnNotEnabledException`.
        public var advancedSecurity: Bool
        /// The pool's users.
        public var users: [User]

        public init(id: String, advancedSecurity: Bool = true, users: [User] = []) {
            self.id = id
            self.advancedSecurity = advancedSecurity
            self.users = users
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            advancedSecurity = try container.decodeIfPresent(Bool.self, forKey: .advancedSecurity) ?? true
            users = try container.decodeIfPresent([User].self, forKey: .users) ?? []
        }
    }

    /// A user of a pool.
    public struct User: Sendable, Hashable, Codable {
        /// The username, exactly as clients send it (compared scalar for scalar).
        public var username: String
        /// The user's auth events.
        public var authEvents: [AuthEvent]

        public init(username: String, authEvents: [AuthEvent] = []) {
            self.username = username
            self.authEvents = authEvents
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            username = try container.decode(String.self, forKey: .username)
            authEvents = try container.decodeIfPresent([AuthEvent].self, forKey: .authEvents) ?? []
        }
    }

    /// An auth event, as `AdminListUserAuthEvents` returns it.
    public struct AuthEvent: Sendable, Hashable, Codable {
        /// The event id (`EventId` of the feedback operations).
        public var eventId: String
        /// The token of the notification email's links (`FeedbackToken` of
        /// `UpdateAuthEventFeedback`).
        public var feedbackToken: String
        /// `SignIn`, `SignUp`, `ForgotPassword`, `PasswordChange` or `ResendCode` (default `SignIn`).
        public var eventType: String
        /// When the event happened, ISO 8601 (`2026-12-01T10:00:00Z`); default: when the seed is loaded.
        public var creationDate: Date?
        /// `Pass`, `Fail` or `InProgress` (default `Pass`).
        public var eventResponse: String
        /// `NoRisk`, `AccountTakeover` or `Block` (default `AccountTakeover`).
        public var riskDecision: String
        /// `Low`, `Medium` or `High` (default `High`).
        public var riskLevel: String
        /// Feedback already given, if any.
        public var feedback: Feedback?

        public init(eventId: String, feedbackToken: String, eventType: String = "SignIn", creationDate: Date? = nil,
                    eventResponse: String = "Pass", riskDecision: String = "AccountTakeover", riskLevel: String = "High",
                    feedback: Feedback? = nil) {
            self.eventId = eventId
            self.feedbackToken = feedbackToken
            self.eventType = eventType
            self.creationDate = creationDate
            self.eventResponse = eventResponse
            self.riskDecision = riskDecision
            self.riskLevel = riskLevel
            self.feedback = feedback
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            eventId = try container.decode(String.self, forKey: .eventId)
            feedbackToken = try container.decode(String.self, forKey: .feedbackToken)
            eventType = try container.decodeIfPresent(String.self, forKey: .eventType) ?? "SignIn"
            creationDate = try container.decodeDateIfPresent(forKey: .creationDate)
            eventResponse = try container.decodeIfPresent(String.self, forKey: .eventResponse) ?? "Pass"
            riskDecision = try container.decodeIfPresent(String.self, forKey: .riskDecision) ?? "AccountTakeover"
            riskLevel = try container.decodeIfPresent(String.self, forKey: .riskLevel) ?? "High"
            feedback = try container.decodeIfPresent(Feedback.self, forKey: .feedback)
        }
    }

    /// Feedback on an event: the value, who gave it, when.
    public struct Feedback: Sendable, Hashable, Codable {
        /// `Valid` or `Invalid`.
        public var value: String
        /// `USER` (`UpdateAuthEventFeedback`) or `ADMIN` (`AdminUpdateAuthEventFeedback`).
        public var provider: String
        /// When it was given.
        public var date: Date

        public init(value: String, provider: String, date: Date) {
            self.value = value
            self.provider = provider
            self.date = date
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            value = try container.decode(String.self, forKey: .value)
            provider = try container.decode(String.self, forKey: .provider)
            guard let date = try container.decodeDateIfPresent(forKey: .date) else {
                throw DecodingError.keyNotFound(CodingKeys.date, .init(codingPath: container.codingPath, debugDescription: "no date"))
            }
            self.date = date
        }
    }

    public init(userPools: [UserPool] = []) {
        self.userPools = userPools
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        userPools = try container.decodeIfPresent([UserPool].self, forKey: .userPools) ?? []
    }

    /// Reads a seed file's bytes.
    /// - Throws: ``SeedError`` naming what is wrong (never a username or token).
    public init(json bytes: Data) throws(SeedError) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            self = try decoder.decode(Seed.self, from: bytes)
        } catch let DecodingError.dataCorrupted(context) {
            throw SeedError("not a seed document: \(Self.path(context.codingPath)) \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw SeedError("\(Self.path(context.codingPath + [key])) is required")
        } catch let DecodingError.typeMismatch(_, context) {
            throw SeedError("\(Self.path(context.codingPath)) has the wrong JSON type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw SeedError("\(Self.path(context.codingPath)) must not be null")
        } catch {
            throw SeedError("not a seed document")
        }
        try check()
    }

    /// Checks every id, username, event id and token against the service's
    /// rules (the engine's), the enums against the model, and that no id
    /// repeats where it must be unique.
    public func check() throws(SeedError) {
        var pools = Set<ExactName>()
        for (p, pool) in userPools.enumerated() {
            let poolPath = "userPools[\(p)]"
            guard pools.insert(ExactName(pool.id)).inserted else { throw SeedError("\(poolPath).id repeats an earlier pool's") }
            try Self.requireNameable(poolPath, userPoolId: pool.id)
            var users = Set<ExactName>()
            for (u, user) in pool.users.enumerated() {
                let userPath = "\(poolPath).users[\(u)]"
                guard users.insert(ExactName(user.username)).inserted else {
                    throw SeedError("\(userPath).username repeats an earlier user's")
                }
                try Self.requireNameable(userPath, userPoolId: pool.id, username: user.username)
                var events = Set<ExactName>()
                for (e, event) in user.authEvents.enumerated() {
                    let at = "\(userPath).authEvents[\(e)]"
                    guard events.insert(ExactName(event.eventId)).inserted else {
                        throw SeedError("\(at).eventId repeats an earlier event's")
                    }
                    try Self.requireNameable(at, userPoolId: pool.id, username: user.username, eventId: event.eventId,
                                             feedbackToken: event.feedbackToken, feedbackValue: event.feedback?.value ?? "Valid")
                    try Self.require(event.eventType, in: Self.eventTypes, at: "\(at).eventType")
                    try Self.require(event.eventResponse, in: ["Pass", "Fail", "InProgress"], at: "\(at).eventResponse")
                    try Self.require(event.riskDecision, in: ["NoRisk", "AccountTakeover", "Block"], at: "\(at).riskDecision")
                    try Self.require(event.riskLevel, in: ["Low", "Medium", "High"], at: "\(at).riskLevel")
                    if let feedback = event.feedback {
                        try Self.require(feedback.provider, in: ["USER", "ADMIN"], at: "\(at).feedback.provider")
                    }
                }
            }
        }
    }

    /// Checks with the engine that an `UpdateAuthEventFeedback` request could
    /// name these values (placeholders stand for the members not given).
    private static func requireNameable(_ path: String, userPoolId: String, username: String = "u", eventId: String = "e",
                                        feedbackToken: String = "t", feedbackValue: String = "Valid") throws(SeedError) {
        let report = FeedbackOperation.updateAuthEventFeedback.validate { member in
            switch member {
            case .userPoolId: .string(userPoolId)
            case .username: .string(username)
            case .eventId: .string(eventId)
            case .feedbackToken: .string(feedbackToken)
            case .feedbackValue: .string(feedbackValue)
            }
        }
        if let message = report.message { throw SeedError("\(path): no request could name it: \(message)") }
    }

    static let eventTypes = ["SignIn", "SignUp", "ForgotPassword", "PasswordChange", "ResendCode"]

    private static func require(_ value: String, in allowed: [String], at path: String) throws(SeedError) {
        guard allowed.contains(where: { $0.unicodeScalars.elementsEqual(value.unicodeScalars) }) else {
            throw SeedError("\(path) must be one of \(allowed.joined(separator: ", "))")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "the document" : text
    }
}

/// A seed file that cannot be used; the description says why and where.
public struct SeedError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension KeyedDecodingContainer {
    /// The ISO 8601 date at `key`, or `nil` when absent. A malformed one is
    /// refused with `key` in the error's path (the decoder's own error names
    /// only the object that holds it).
    func decodeDateIfPresent(forKey key: Key) throws -> Date? {
        do {
            return try decodeIfPresent(Date.self, forKey: key)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.last?.stringValue != key.stringValue {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: context.debugDescription)
        }
    }
}
