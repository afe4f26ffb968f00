import FeedbackRules

/// A kind of request, as users send them, for per-kind figures.
public enum RequestKind: String, CaseIterable, Sendable {
    case asciiValid = "ascii-valid"
    case cjkValid = "cjk-valid"
    case accentsValid = "accents-valid"
    case emojiValid = "emoji-valid"
    case invalidPoolId = "invalid-pool-id"
    case invalidUsername = "invalid-username"
    case invalidTooLong = "invalid-too-long"
    case invalidEnum = "invalid-enum"
    case invalidToken = "invalid-token"
    case invalidAbsent = "invalid-absent"

    /// Whether the service accepts requests of this kind.
    public var isValid: Bool { rawValue.hasSuffix("-valid") }
}

/// The requests of each kind, for both operations. Strings are built at run
/// time so they are native heap strings, as after JSON decoding.
public enum Corpus {
    static func fresh(_ literal: String) -> String { String(decoding: Array(literal.utf8), as: UTF8.self) }

    /// Requests of `kind`: UpdateAuthEventFeedback and Admin variants.
    public static func requests(_ kind: RequestKind) -> [UpdateAuthEventFeedbackRequest] {
        let usernames: [String]
        var pool = "us-east-1_EXAMPLE1", event = "9f3c2e1a-4b5d-4e6f-8a7b-0c1d2e3f4a5b"
        var token: String? = "AYADeGV4YW1wbGUtZmVlZGJhY2s.c2lnbmF0dXJl-_=", value = "Valid"
        switch kind {
        case .asciiValid: usernames = ["alice", "bob.smith+tag@example.com", "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "+14155550123"]
        case .cjkValid: usernames = ["山田太郎", "李小龙", "김민준", "さくら"]
        case .accentsValid: usernames = ["Zoë", "José.García", "Łukasz", "Ангелина"]
        case .emojiValid: usernames = ["😀🚀", "alice🎉", "👍🏽", "🇯🇵"]
        case .invalidPoolId: usernames = ["alice"]; pool = "us-east-1_abc-def"
        case .invalidUsername: usernames = ["alice smith", "👩\u{200D}💻", "alice\n"]
        case .invalidTooLong: usernames = [String(repeating: "a", count: 129)]
        case .invalidEnum: usernames = ["alice"]; value = "valid"
        case .invalidToken: usernames = ["alice"]; token = "abc+def/ghi=="
        case .invalidAbsent: usernames = ["alice"]; token = nil
        }
        return usernames.map {
            UpdateAuthEventFeedbackRequest(
                userPoolId: fresh(pool), username: fresh($0), eventId: fresh(event),
                feedbackToken: token.map(fresh), feedbackValue: FeedbackValue(rawValue: fresh(value)))
        }
    }

    /// A realistic mix: mostly valid ASCII, a fifth non-ASCII, a fifth invalid.
    public static func mixed() -> [UpdateAuthEventFeedbackRequest] {
        var mix: [UpdateAuthEventFeedbackRequest] = []
        for _ in 0..<3 { mix += requests(.asciiValid) }
        mix += requests(.cjkValid) + requests(.accentsValid).prefix(2) + requests(.emojiValid).prefix(2)
        for kind in RequestKind.allCases where !kind.isValid { mix += requests(kind).prefix(1) }
        return mix
    }
}
