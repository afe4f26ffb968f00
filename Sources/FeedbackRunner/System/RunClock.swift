#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The clocks a run reads and waits on: monotonic time for spacing,
/// timeouts and the deadline, and the calendar for `Retry-After` dates.
/// Injected, so that the pacing logic is tested on a ``manual(start:)``
/// clock, deterministically and at once.
///
/// ```swift
/// let clock = RunClock.system
/// try await clock.sleep(until: clock.now() + .milliseconds(5))
/// ```
struct RunClock: Sendable {
    /// The monotonic time now.
    let now: @Sendable () -> ContinuousClock.Instant
    /// Waits until an instant of ``now``'s clock; throws when cancelled.
    let sleep: @Sendable (ContinuousClock.Instant) async throws -> Void
    /// The calendar time now (for HTTP dates).
    let date: @Sendable () -> Date

    /// The system's clocks.
    static let system = RunClock(
        now: { ContinuousClock.now },
        sleep: { instant in try await Task.sleep(until: instant, clock: .continuous) },
        date: { Date() })

    /// Waits until `instant`; `false` when cancelled.
    func sleep(until instant: ContinuousClock.Instant) async -> Bool {
        do { try await sleep(instant) } catch { return false }
        return true
    }
}
