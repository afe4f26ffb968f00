import Foundation
@testable import FeedbackRunner

/// A clock for tests: it stands still until something sleeps on it, and a
/// sleep returns at once, having moved the clock to its end. Deterministic
/// and instantaneous; it records every sleep.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private let origin = ContinuousClock.now
    private let originDate: Date
    private var elapsed = Duration.zero
    private var sleeps: [Duration] = []

    /// A clock whose calendar time starts at `date`.
    init(date: Date = Date(timeIntervalSince1970: 1_796_000_000)) {
        originDate = date
    }

    /// Time since the clock started.
    var now: Duration { lock.withLock { elapsed } }

    /// Every sleep's length, in order.
    var slept: [Duration] { lock.withLock { sleeps } }

    /// Moves the clock forward by `duration`.
    func advance(by duration: Duration) {
        lock.withLock { elapsed += duration }
    }

    /// The clock as a run reads it.
    var runClock: RunClock {
        RunClock(
            now: { [self] in origin + now },
            sleep: { [self] instant in
                lock.withLock {
                    let end = instant - origin
                    sleeps.append(max(.zero, end - elapsed))
                    elapsed = max(elapsed, end)
                }
            },
            date: { [self] in originDate.addingTimeInterval(now.seconds) })
    }
}
