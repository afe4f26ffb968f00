import Foundation

/// Reads a stream line by line in fixed-size chunks, so memory stays flat
/// whatever the input's size. Lines end at LF; a CR before it is dropped.
struct LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var start = 0
    private var searched = 0  // bytes from `start` already known to hold no LF
    private var finished = false

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// The next line without its terminator, or `nil` at the end.
    mutating func next() -> Data? {
        while true {
            if let newline = buffer[(start + searched)...].firstIndex(of: 0x0A) {
                searched = 0
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer.subdata(in: start..<end)
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer.subdata(in: start..<end)
                start = buffer.count
                searched = 0
                return line
            }
            searched = buffer.count - start
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { finished = true }
            buffer.removeSubrange(0..<start)
            start = 0
            buffer.append(chunk)
        }
    }
}
