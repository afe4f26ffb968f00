#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a stream line by line in fixed-size chunks, so memory stays flat
/// whatever the input's size. Lines end at LF; a CR before it is dropped.
struct LineReader {
    private let input: InputReader
    private var buffer: [UInt8] = []
    private var start = 0
    private var searched = 0  // bytes from `start` already known to hold no LF
    private var finished = false

    init(descriptor: Int32) {
        input = InputReader(descriptor: descriptor)
    }

    /// The next line without its terminator, or `nil` at the end.
    mutating func next() throws(InputError) -> [UInt8]? {
        while true {
            let from = start + searched
            let newline: Int? = buffer.withUnsafeBufferPointer { all in
                guard from < all.count, let found = memchr(all.baseAddress! + from, 0x0A, all.count - from) else { return nil }
                return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - all.baseAddress!
            }
            if let newline {
                searched = 0
                defer { start = newline + 1 }
                return line(upTo: newline)
            }
            if finished {
                guard start < buffer.count else { return nil }
                searched = 0
                defer { start = buffer.count }
                return line(upTo: buffer.count)
            }
            searched = buffer.count - start
            buffer.removeSubrange(0..<start)
            start = 0
            if try !input.read(upTo: 1 << 16, into: &buffer) { finished = true }
        }
    }

    /// `buffer[start..<end]`, less a final CR.
    private func line(upTo end: Int) -> [UInt8] {
        let end = end > start && buffer[end - 1] == 0x0D ? end - 1 : end
        return Array(buffer[start..<end])
    }
}
