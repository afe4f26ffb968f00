import Testing
import FeedbackEmulator

@Suite struct FaultInjectionTests {
    @Test func requestsBeyondTheRateAreThrottled() async throws {
        var harness = EmulatorHarness()
        harness.configuration.rate = 2
        try await harness.run { client in
            var types: [String?] = []
            for _ in 0..<3 {
                types.append(try await client.post("UpdateAuthEventFeedback", feedbackBody(), signedWith: nil).type)
            }
            #expect(types == [nil, nil, "TooManyRequestsException"])
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
