/// The start of a result that ends in its line number, such as
/// `{"file":"in.jsonl","line":42`, kept from result to result: the next
/// line's is the last one's with its digits counted up in place, which
/// costs a byte or two where writing the number out costs a division per
/// digit. A class, so that a renderer can write it while it lends out a
/// cached rendering; each renderer has its own, on one thread.
final class LineLabel {
    // Unchecked: one renderer's, on one thread, and no access overlaps.
    /// The prefix, then the last line's digits (room for any `Int`'s).
    @exclusivity(unchecked) private var bytes: UnsafeMutableBufferPointer<UInt8>
    private let prefixCount: Int
    @exclusivity(unchecked) private var count: Int
    /// The line whose digits end `bytes`; -1 before the first.
    @exclusivity(unchecked) private var line = -1

    init(prefix: [UInt8]) {
        prefixCount = prefix.count
        count = prefix.count
        bytes = .allocate(capacity: prefix.count + 20)
        _ = bytes.initialize(from: prefix + [UInt8](repeating: 0, count: 20))
    }

    deinit { bytes.deallocate() }

    /// Appends the prefix and `line` (not negative) in decimal.
    func append(_ line: Int, to out: ResultBuffer) {
        if line != self.line, line != self.line &+ 1 || !countUp() {
            count = prefixCount + writeDecimal(line, into: UnsafeMutableRawPointer(bytes.baseAddress! + prefixCount))
        }
        self.line = line
        out.append(UnsafeRawBufferPointer(start: bytes.baseAddress, count: count))
    }

    /// Adds one to the digits: `false` when they are all nines (the
    /// number gains a digit: written out instead).
    private func countUp() -> Bool {
        var index = count &- 1
        while index >= prefixCount {
            if bytes[index] != UInt8(ascii: "9") {
                bytes[index] &+= 1
                return true
            }
            bytes[index] = UInt8(ascii: "0")
            index &-= 1
        }
        return false
    }
}
