#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedbackSystem

/// The CUBIC curve of a throttled sender's rate, as botocore's adaptive
/// retry mode computes it (`botocore/retries/throttling.py`,
/// `CubicCalculator`; `SOURCES.md#botocore-adaptive`): on a throttling
/// answer the rate drops to `β × rate` (β = 0.7) and the rate at that
/// moment becomes `wMax`; on success it grows back as
/// `C × (t − tFail − K)³ + wMax` (C = 0.4, `K = ∛(wMax × (1 − β) / C)`):
/// fast at first, flat near `wMax` (reached K seconds after the throttling),
/// faster again beyond it.
///
/// ```swift
/// var cubic = CubicRate(start: 0)
/// cubic.throttled(at: 1, rate: 10)     // 7.0
/// cubic.succeeded(at: 2)               // 7.7..., back to 10 at 1 + K
/// ```
///
/// Times are seconds on any monotonic scale (the run's: since it began).
struct CubicRate: Sendable, Hashable {
    /// botocore's `_SCALE_CONSTANT`.
    static let scale = 0.4
    /// botocore's `_BETA`.
    static let beta = 0.7

    /// The rate when the last throttling came (`_w_max`).
    private(set) var maxRate: Double
    /// Seconds from the last throttling to ``maxRate`` again (`_k`).
    private(set) var zeroPoint: Double
    /// When the last throttling came (`_last_fail`).
    private(set) var lastThrottle: Double

    /// A curve with `wMax` = `maxRate` (botocore starts at 0), as of `start`.
    init(start: Double, maxRate: Double = 0) {
        self.maxRate = maxRate
        zeroPoint = Self.zeroPoint(maxRate)
        lastThrottle = start
    }

    private static func zeroPoint(_ maxRate: Double) -> Double {
        System.cubeRoot(maxRate * (1 - beta) / scale)
    }

    /// The rate `time` seconds into the curve after a success (`success_received`).
    func succeeded(at time: Double) -> Double {
        let since = time - lastThrottle - zeroPoint
        return Self.scale * since * since * since + maxRate
    }

    /// Starts a new curve at `time` from `rate`, the rate when throttled;
    /// the new, lower rate (`error_received`).
    mutating func throttled(at time: Double, rate: Double) -> Double {
        maxRate = rate
        zeroPoint = Self.zeroPoint(rate)
        lastThrottle = time
        return rate * Self.beta
    }
}
