import FeedbackSystem

extension Double {
    /// The number in fixed-point notation with `places` digits after the
    /// point, right-aligned in at least `width` characters: C's `%*.*f`
    /// (the C locale's `.`), as Foundation's `String(format:)` writes it,
    /// which FoundationEssentials does not have.
    package func fixed(_ places: Int, width: Int = 0) -> String {
        System.fixedPoint(self, places: places, width: width)
    }
}
