import FeedbackRules

/// Validates `request` `repeats` times in a row and returns how many of the
/// calls found it valid.
///
/// The request is a parameter the caller holds, as in an application that
/// has just decoded it, so the time is the validator's own. Walking a Swift
/// array instead copies each element out first (five string retains and
/// releases, whoever validates); `speed-ratio` shows that cost separately.
@inlinable @inline(never)
public func validateHeld<V: Validator>(_ validator: V, _ request: UpdateAuthEventFeedbackRequest, repeats: Int) -> Int {
    var passed = 0
    for _ in 0..<repeats where validator.accepts(request) { passed &+= 1 }
    return passed
}

/// How many times in a row the benchmarks validate each request of a
/// corpus, so that the copy out of the corpus array is paid once per four
/// validations, for every validator alike.
public let repeatsPerRequest = 4
