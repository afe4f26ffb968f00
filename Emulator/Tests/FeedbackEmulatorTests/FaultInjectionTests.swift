import Testing
import FeedbackEmulator

@Suite struct FaultInjectionTests {
    @Test func requestsBeyondTheRateAreThrottled() async throws {
        var harness = EmulatorHarness()
        // One request a second, a burst of one: the second request, sent at once, finds the bucket empty
        // (unless a whole second passes between the two; the refill itself is tested on a given clock below).
        harness.configuration.rate = 1
        try await harness.run { client in
            var types: [String?] = []
            for _ in 0..<2 {
                types.append(try await client.post("UpdateAuthEventFeedback", feedbackBody(), signedWith: nil).type)
            }
            #expect(types == [nil, "TooManyRequestsException"])
        }
    }

    @Test func theBucketRefillsAtTheRate() {
        let start = ContinuousClock.now
        let bucket = TokenBucket(rate: 10, now: start)
        for _ in 0..<10 { #expect(bucket.take(now: start)) }
        #expect(!bucket.take(now: start))
        #expect(bucket.take(now: start + .milliseconds(100)))
        #expect(!bucket.take(now: start + .milliseconds(100)))
    }

    @Test func aShareOfOneAnswersEveryRequestWithAnInternalError() async throws {
        var harness = EmulatorHarness()
        harness.configuration.internalErrorShare = 1
        try await harness.run { client in
            let answer = try await client.post("UpdateAuthEventFeedback", feedbackBody(), signedWith: nil)
            #expect(answer.status == 500)
            #expect(answer.type == "InternalErrorException")
        }
    }

    @Test func latencyDelaysTheAnswer() async throws {
        var harness = EmulatorHarness()
        harness.configuration.latencyMilliseconds = 200
        try await harness.run { client in
            let start = ContinuousClock.now
            _ = try await client.post("UpdateAuthEventFeedback", feedbackBody(), signedWith: nil)
            #expect(start.duration(to: .now) >= .milliseconds(200))
        }
    }
}
