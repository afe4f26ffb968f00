#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Progress of a long run on standard error: nothing for the first second,
/// then at most one line every two seconds (`conform: 120/525 cases`). It
/// names counts only.
///
/// Runners report from concurrent tasks; every write to `io` happens under
/// the lock, which is what makes the unchecked `Sendable` sound.
final class ProgressLine: @unchecked Sendable {
    private let io: ToolIO
    private let quiet: Bool
    private let state: Mutex<(started: ContinuousClock.Instant, last: ContinuousClock.Instant?, printed: Bool)>

    init(io: ToolIO, quiet: Bool) {
        self.io = io
        self.quiet = quiet
        state = Mutex((ContinuousClock.now, nil, false))
    }

    /// Records that `done` of `total` cases have finished.
    func update(_ done: Int, _ total: Int) {
        guard !quiet else { return }
        let now = ContinuousClock.now
        state.withLock { state in
            guard now - state.started >= .seconds(1), state.last.map({ now - $0 >= .seconds(2) }) ?? true else { return }
            state.last = now
            state.printed = true
            io.error("conform: \(done)/\(total) cases")
        }
    }

    /// Ends the progress display.
    func finish() {
        state.withLock { state in
            if !quiet, state.printed { io.error("conform: done") }
        }
    }
}
