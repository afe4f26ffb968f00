import FeedbackRules

/// The operations the emulator answers, by their `X-Amz-Target`.
enum APIOperation: Sendable, Hashable {
    case feedback(FeedbackOperation)
    case adminListUserAuthEvents

    static let targetPrefix = "AWSCognitoIdentityProviderService."

    /// The operation a `X-Amz-Target` value names, or `nil` (compared byte
    /// for byte: targets are case-sensitive).
    init?(target: String) {
        var target = target
        let found: APIOperation? = target.withUTF8 { bytes in
            let prefix = Self.targetPrefix.utf8
            guard bytes.count > prefix.count, bytes.prefix(prefix.count).elementsEqual(prefix) else { return nil }
            let name = UnsafeBufferPointer(rebasing: bytes[prefix.count...])
            for candidate in Self.all where name.elementsEqual(candidate.name.utf8) { return candidate }
            return nil
        }
        guard let found else { return nil }
        self = found
    }

    /// The operation's name (`UpdateAuthEventFeedback`).
    var name: String {
        switch self {
        case .feedback(let operation): operation.rawValue
        case .adminListUserAuthEvents: "AdminListUserAuthEvents"
        }
    }

    /// Whether the operation needs a SigV4 signature (every Admin one).
    var isSigned: Bool {
        switch self {
        case .feedback(let operation): operation == .adminUpdateAuthEventFeedback
        case .adminListUserAuthEvents: true
        }
    }

    static let all: [APIOperation] = [
        .feedback(.updateAuthEventFeedback), .feedback(.adminUpdateAuthEventFeedback), .adminListUserAuthEvents,
    ]
}
