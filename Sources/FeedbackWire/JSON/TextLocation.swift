import FeedbackSystem

/// A line and column in a text: lines end at LF, columns count Unicode
/// scalars; both from 1.
package struct TextLocation: Sendable, Hashable {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Moves past `bytes` (well-formed UTF-8, or at least whole lines).
    mutating func advance(over bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        // Whole lines: jump from LF to LF.
        while start < bytes.count,
            let found = System.firstIndex(of: 0x0A, in: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
        {
            line += 1
            column = 1
            start += found + 1
        }
        column += Self.scalars(in: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// The number of scalars in well-formed UTF-8: the bytes that do not
    /// continue a sequence, eight at a time.
    private static func scalars(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = bytes.count
        var index = 0
        guard let address = bytes.baseAddress else { return 0 }
        let base = UnsafeRawPointer(address)
        while bytes.count - index >= 8 {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            // 10xxxxxx: bit 7 set, bit 6 clear.
            count -= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 == 0x80 { count -= 1 }
            index += 1
        }
        return count
    }
}
