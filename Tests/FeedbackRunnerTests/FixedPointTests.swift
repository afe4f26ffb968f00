import Testing
@testable import FeedbackRunner

/// `Double.fixed`: reports' numbers as C's `%*.*f` writes them (the
/// expectations are C's, worked out from the binary values, not the code's).
@Suite("Fixed-point numbers in reports")
struct FixedPointTests {
    @Test("Rounded from the exact binary value, ties to even; width pads on the left", arguments: [
        (100.0, 1, 5, "100.0"), (7.5, 1, 5, "  7.5"), (0.05, 1, 0, "0.1"),  // 0.05 is 0.050000000000000003
        (0.25, 1, 0, "0.2"), (0.35, 1, 0, "0.3"),  // 0.25 is a tie (to even); 0.35 is 0.34999999999999998
        (2.675, 2, 0, "2.67"), (99.95, 1, 0, "100.0"), (0.0, 3, 0, "0.000"), (-1.5, 0, 0, "-2"), (1234.5678, 2, 0, "1234.57"),
    ])
    func fixed(value: Double, places: Int, width: Int, written: String) {
        #expect(value.fixed(places, width: width) == written)
    }
}
