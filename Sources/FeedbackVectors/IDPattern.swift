/// A pattern over vector and case ids, where `*` matches any run of
/// characters and every other character itself: `username-pattern.*`,
/// `*.admin`, `answer.*.namespaced.*`. It matches whole ids.
public struct IDPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String

    /// Creates a pattern.
    public init(_ pattern: String) { self.pattern = pattern }

    public var description: String { pattern }

    /// Whether `id` matches the whole pattern.
    public func matches(_ id: String) -> Bool {
        // Greedy wildcard match with one backtrack point: O(pattern × id) at worst.
        let pattern = Array(self.pattern.utf8), text = Array(id.utf8)
        var p = 0, t = 0
        var star: Int?, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p; mark = t; p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1; t += 1
            } else if let star {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
