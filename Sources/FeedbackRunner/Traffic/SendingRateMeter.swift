#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The rate a run is getting answers at, in requests a second, as
/// botocore's adaptive retry mode measures it (`botocore/retries/adaptive.py`,
/// `RateClocker`; `SOURCES.md#botocore-adaptive`): answers are counted in
/// half-second buckets, and each closed bucket's rate is blended into the
/// measurement with a smoothing of 0.8.
///
/// One departure: until its first bucket closes, botocore's measurement is
/// 0, so a throttling answer in a run's first half second drops the rate to
/// the bucket's floor (0.5 requests a second). Here it is then the answers
/// so far over the time since the meter started (at least 1 ms): the rate
/// the run is actually going at.
///
/// ```swift
/// var meter = SendingRateMeter(start: 0)
/// meter.record(at: 0.1)    // 10: one answer in 0.1 s, no bucket closed yet
/// ```
struct SendingRateMeter: Sendable, Hashable {
    /// botocore's `_DEFAULT_SMOOTHING`.
    static let smoothing = 0.8
    /// botocore's `_TIME_BUCKET_RANGE`, in seconds.
    static let bucketSeconds = 0.5

    /// The smoothed rate of the closed buckets (`_measured_rate`).
    private(set) var smoothedRate = 0.0
    /// The start of the open bucket (`_last_bucket`; botocore floors the
    /// start time to a whole second).
    private var lastBucket: Double
    /// Answers in the open bucket (`_count`).
    private var count = 0.0
    /// When the meter started.
    private let start: Double
    /// Whether a bucket has closed.
    private var measured = false

    /// A meter started at `start` (seconds).
    init(start: Double) {
        self.start = start
        lastBucket = start.rounded(.down)
    }

    /// The bucket `time` falls in: its start.
    static func bucket(_ time: Double) -> Double {
        (time / bucketSeconds).rounded(.down) * bucketSeconds
    }

    /// Counts an answer at `time` and returns the rate measured (`record`).
    mutating func record(at time: Double) -> Double {
        let bucket = Self.bucket(time)
        count += 1
        if bucket > lastBucket {
            let current = count / (bucket - lastBucket)
            smoothedRate = current * Self.smoothing + smoothedRate * (1 - Self.smoothing)
            count = 0
            lastBucket = bucket
            measured = true
        }
        return rate(at: time)
    }

    /// The rate measured as of `time`: botocore's smoothed rate, or before
    /// any bucket closed, the answers so far over the time since the start.
    func rate(at time: Double) -> Double {
        measured ? smoothedRate : count / max(0.001, time - start)
    }
}
