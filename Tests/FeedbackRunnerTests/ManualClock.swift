import Foundation
@testable import FeedbackRunner
import Synchronization

/// A clock for tests: it stands still until something sleeps on it, and a
/// sleep returns at once, having moved the clock to its end. Deterministic
/// and instantaneous; it records every sleep.
final class ManualClock: Sendable {
    private let origin = ContinuousClock.now
    private let originDate: Date
    /// The time since the clock started, and every sleep's length.
    private let state = Mutex<(elapsed: Duration, sleeps: [Duration])>((.zero, []))

    /// A clock whose calendar time starts at `date`.
    init(date: Date = Date(timeIntervalSince1970: 1_796_000_000)) {
        originDate = date
    }

    /// Time since the clock started.
    var now: Duration { state.withLock { $0.elapsed } }

    /// Every sleep's length, in order.
    var slept: [Duration] { state.withLock { $0.sleeps } }

    /// Moves the clock forward by `duration`.
    func advance(by duration: Duration) {
        state.withLock { $0.elapsed += duration }
    }

    /// The clock as a run reads it.
    var runClock: RunClock {
        RunClock(
            now: { [self] in origin + now },
            sleep: { [self] instant in
                state.withLock { state in
                    let end = instant - origin
                    state.sleeps.append(max(.zero, end - state.elapsed))
                    state.elapsed = max(state.elapsed, end)
                }
            },
            date: { [self] in originDate.addingTimeInterval(now.seconds) })
    }
}
