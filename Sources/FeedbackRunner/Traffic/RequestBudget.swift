/// The requests a run may still send, and when: at most one every
/// `1 / rate` seconds (when a rate is set) and at most `cap` in all, probes
/// and retries included. Shared by a run's concurrent requests.
///
/// ```swift
/// let budget = RequestBudget(rate: 4, cap: 1000)
/// if let refusal = await budget.take(before: runEnd) { ... }   // not sent: refusal says why
/// ```
actor RequestBudget {
    /// The spacing between requests; `nil`: none.
    private let interval: Duration?
    /// The most requests of the run.
    let cap: Int
    /// Requests granted so far.
    private(set) var granted = 0
    /// The earliest time the next request may go.
    private var nextSlot: ContinuousClock.Instant

    /// A budget of `cap` requests, `rate` per second at most (`nil` or not
    /// positive: no limit).
    init(rate: Double?, cap: Int) {
        if let rate, rate > 0 { interval = .seconds(1 / rate) } else { interval = nil }
        self.cap = max(0, cap)
        nextSlot = .now
    }

    /// Waits for the next request's turn and counts it. `nil` when it may
    /// go; else why not: the cap is reached, its turn would come after
    /// `deadline`, or the task was cancelled while waiting.
    func take(before deadline: ContinuousClock.Instant) async -> TransportFailure? {
        guard granted < cap else { return .requestCap(cap) }
        let now = ContinuousClock.now
        let slot = max(now, nextSlot)
        guard slot < deadline else { return .runDeadline }
        granted += 1
        if let interval { nextSlot = slot + interval }
        guard slot > now else { return nil }
        // Sleeping inside the actor would hold it; the slot is reserved, so wait outside.
        return await Self.sleep(until: slot)
    }

    private nonisolated static func sleep(until slot: ContinuousClock.Instant) async -> TransportFailure? {
        do { try await Task.sleep(until: slot, clock: .continuous) } catch { return .cancelled }
        return nil
    }
}
