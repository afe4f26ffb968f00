import FeedbackRules
import Foundation

/// A way of validating requests: the engine, or one of the ways users do it
/// today. Every validator checks every constraint of every member; the
/// work compared is that checking, not message building.
public protocol Validator {
    /// Counts the failed constraints of `request`.
    func failures(_ request: UpdateAuthEventFeedbackRequest) -> Int
    /// Whether `request` passes: what is timed.
    func accepts(_ request: UpdateAuthEventFeedbackRequest) -> Bool
}

extension Validator {
    /// The baselines find the verdict by counting every failure.
    public func accepts(_ request: UpdateAuthEventFeedbackRequest) -> Bool { failures(request) == 0 }
}

/// The engine under test. `validate()` records every failed constraint
/// of every member (allocating nothing); `violations`, which `failures`
/// reads, spells them out with their values and so allocates.
public struct EngineValidator: Validator {
    public init() {}
    public func failures(_ request: UpdateAuthEventFeedbackRequest) -> Int {
        request.validate().violations.count
    }
    public func accepts(_ request: UpdateAuthEventFeedbackRequest) -> Bool {
        request.validate().isValid
    }
}

/// The same rules with Swift `Regex`, compiled once: unicode-scalar semantics,
/// ASCII word characters, whole-value matching, lengths via
/// `unicodeScalars.count`. As exact as a regex can be.
public final class SwiftRegexValidator: Validator {
    private let regexes: [Member: Regex<AnyRegexOutput>]

    public init() {
        var regexes: [Member: Regex<AnyRegexOutput>] = [:]
        for member in Member.allCases {
            if let pattern = member.rules.pattern {
                regexes[member] = try! Regex(pattern.source).matchingSemantics(.unicodeScalar).asciiOnlyWordCharacters()
            }
        }
        self.regexes = regexes
    }

    public func failures(_ request: UpdateAuthEventFeedbackRequest) -> Int {
        countFailures(request) { member, value in
            regexes[member].map { (try? $0.wholeMatch(in: value)) != nil } ?? true
        }
    }
}

/// The same rules the way Soto-style validators check them:
/// `NSRegularExpression` with `^...$` patterns (ICU: Unicode `\w`, `$` before
/// a final newline), compiled once; lengths via `unicodeScalars.count`.
public final class NSRegexValidator: Validator {
    private let regexes: [Member: NSRegularExpression]

    public init() {
        var regexes: [Member: NSRegularExpression] = [:]
        for member in Member.allCases {
            if let pattern = member.rules.pattern {
                regexes[member] = try! NSRegularExpression(pattern: "^" + pattern.source + "$")
            }
        }
        self.regexes = regexes
    }

    public func failures(_ request: UpdateAuthEventFeedbackRequest) -> Int {
        countFailures(request) { member, value in
            regexes[member].map {
                $0.firstMatch(in: value, range: NSRange(value.startIndex..<value.endIndex, in: value)) != nil
            } ?? true
        }
    }
}

/// The rule loop both baselines share: required, length in scalars, the
/// pattern (by `matches`), the enum. Only the pattern matcher differs.
func countFailures(_ request: UpdateAuthEventFeedbackRequest, matches: (Member, String) -> Bool) -> Int {
    var failures = 0
    for member in FeedbackOperation.updateAuthEventFeedback.members {
        guard let value = request[member] else { failures += 1; continue }
        let rules = member.rules
        if let length = rules.length, !length.contains(value.unicodeScalars.count) { failures += 1 }
        if !matches(member, value) { failures += 1 }
        if let allowed = rules.allowedValues, !allowed.values.contains(value) { failures += 1 }
    }
    return failures
}
