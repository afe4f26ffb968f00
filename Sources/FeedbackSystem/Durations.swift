extension Duration {
    /// The duration in seconds.
    package var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }

    /// The duration in milliseconds.
    package var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) * 1e-15
    }

    /// A duration of `seconds` (negative counts as zero).
    package static func seconds(_ seconds: Double) -> Duration {
        .nanoseconds(Int64(max(0, min(seconds, 1e9)) * 1e9))
    }
}

extension ContinuousClock.Instant {
    /// Milliseconds from now to this instant for `poll(2)`, at least 1 and
    /// at most `cap`; `nil` once it has passed.
    package func pollTimeout(cap: Int32) -> Int32? {
        let left = ContinuousClock.now.duration(to: self)
        guard left > .zero else { return nil }
        return Int32(max(1, min(Double(cap), left.milliseconds.rounded(.up))))
    }
}
