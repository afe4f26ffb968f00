import Foundation
import Testing
@testable import FeedbackRunner

/// The run's budget of requests on a manual clock: what it grants, when,
/// and what it refuses, deterministically and at once.
@Suite("Request budget: spacing, cap, deadline, adaptive limit, Retry-After, throttled out")
struct RequestBudgetTests {
    /// `count` requests granted, each answered 1 ms later, throttling or not.
    static func exchange(_ count: Int, _ budget: RequestBudget, _ clock: ManualClock, throttled: Bool,
                         before deadline: ContinuousClock.Instant) async {
        for _ in 0..<count {
            #expect(await budget.take(before: deadline) == nil)
            clock.advance(by: .milliseconds(1))
            await budget.answered(throttled: throttled)
        }
    }

    @Test("Grants are spaced 1/rate apart, refused past the cap, and never given a turn after the deadline")
    func spacingCapDeadline() async {
        let clock = ManualClock()
        let budget = RequestBudget(rate: 40, cap: 6, clock: clock.runClock)
        let far = clock.runClock.now() + .seconds(60)
        for _ in 0..<6 { #expect(await budget.take(before: far) == nil) }
        #expect(clock.now == .milliseconds(125))
        #expect(await budget.take(before: far) == .requestCap(6))
        let slow = RequestBudget(rate: 1, cap: 10, clock: clock.runClock)
        #expect(await slow.take(before: far) == nil)
        let before = clock.now
        #expect(await slow.take(before: clock.runClock.now() + .milliseconds(100)) == .runDeadline)
        #expect(clock.now == before)
    }

    @Test("Not adaptive, throttling does not slow the grants")
    func notAdaptive() async {
        let clock = ManualClock()
        let budget = RequestBudget(rate: nil, cap: 100, clock: clock.runClock)
        let far = clock.runClock.now() + .seconds(60)
        await Self.exchange(10, budget, clock, throttled: true, before: far)
        #expect(clock.slept.isEmpty)
        #expect(await budget.limitedRate == nil)
    }

    @Test("Adaptive, a throttling answer slows the grants to the limiter's rate, which grows back on success")
    func adaptive() async {
        let clock = ManualClock()
        let budget = RequestBudget(rate: nil, cap: 1000, adaptive: true, clock: clock.runClock)
        let far = clock.runClock.now() + .seconds(600)
        await Self.exchange(9, budget, clock, throttled: false, before: far)
        #expect(clock.slept.isEmpty)
        #expect(await budget.limitedRate == nil)
        clock.advance(by: .milliseconds(1))
        await budget.answered(throttled: true)
        // 10 answers in 10 ms: 1000 requests/s, cut to 700.
        let rate = await budget.limitedRate ?? 0
        #expect(abs(rate - 700) < 1e-6)
        let start = clock.now
        for _ in 0..<71 { #expect(await budget.take(before: far) == nil) }
        // 71 tokens at 700 a second from an all but empty bucket: about 0.1 s of waits.
        let waited = (clock.now - start).seconds
        #expect(waited > 70.0 / 700 && waited <= 71.0 / 700 + 1e-6, "\(waited)")
        // Answers keep coming, about 670 a second for 1.5 s: the CUBIC curve climbs back past
        // 700 towards 1000 (0.4 × (1.5 - ∛750)³ + 1000 ≈ 825), within twice the measured rate.
        for _ in 0..<1000 {
            clock.advance(by: .microseconds(1500))
            await budget.answered(throttled: false)
        }
        let grown = await budget.limitedRate ?? 0
        #expect(grown > rate)
    }

    @Test("The limiter's wait is bounded by the deadline: a turn past it is refused, not waited for")
    func limiterWaitWithinDeadline() async {
        let clock = ManualClock()
        let budget = RequestBudget(rate: nil, cap: 1000, adaptive: true, clock: clock.runClock)
        clock.advance(by: .seconds(1))
        await budget.answered(throttled: true)
        // One answer in 1 s: cut to 0.7 requests/s; the first token is 1/0.7 s away.
        #expect(await budget.take(before: clock.runClock.now() + .seconds(1)) == .runDeadline)
        #expect(clock.slept.isEmpty)
        #expect(await budget.take(before: clock.runClock.now() + .seconds(2)) == nil)
        #expect(clock.now > .seconds(2) && clock.now < .seconds(3))
    }

    @Test("A pause (Retry-After) holds every grant until it ends, and a pause past the deadline refuses")
    func pause() async {
        let clock = ManualClock()
        let budget = RequestBudget(rate: nil, cap: 10, clock: clock.runClock)
        let far = clock.runClock.now() + .seconds(60)
        await budget.pause(for: 2)
        #expect(await budget.take(before: far) == nil)
        #expect(clock.now == .seconds(2))
        await budget.pause(for: 90)
        #expect(await budget.take(before: far) == .runDeadline)
        #expect(clock.now == .seconds(2))
    }

    @Test("After throttleLimit throttling answers in a row nothing more is granted; any other answer resets the count")
    func throttledOut() async {
        let clock = ManualClock()
        let budget = RequestBudget(rate: nil, cap: 100, throttleLimit: 3, clock: clock.runClock)
        let far = clock.runClock.now() + .seconds(60)
        for _ in 0..<2 { await budget.answered(throttled: true) }
        await budget.answered(throttled: false)
        for _ in 0..<2 { await budget.answered(throttled: true) }
        #expect(await budget.take(before: far) == nil)
        await budget.answered(throttled: true)
        #expect(await budget.take(before: far) == .throttled(3))
    }
}
