/// The values one quantity took over the rounds of a run.
struct Samples {
    /// The values, in the order measured.
    private(set) var values: [Double] = []

    /// Adds a round's value.
    mutating func append(_ value: Double) { values.append(value) }

    /// The value below which a fraction `q` (0...1) of the values lie,
    /// interpolated between the two nearest.
    func quantile(_ q: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position), upper = Swift.min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    /// The median.
    var median: Double { quantile(0.5) }
    /// The first quartile.
    var lowerQuartile: Double { quantile(0.25) }
    /// The third quartile.
    var upperQuartile: Double { quantile(0.75) }
    /// The smallest value.
    var min: Double { quantile(0) }
    /// The largest value.
    var max: Double { quantile(1) }
}
