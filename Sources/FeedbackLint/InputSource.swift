import FeedbackSystem
import FeedbackWire

/// A fixed-size byte buffer, owned by one thread at a time: blocks of
/// lines go to a worker and come back with their results.
final class ByteBlock: @unchecked Sendable {
    /// The size of every block, and of the reading window.
    static let size = 1 << 17
    /// The most lines a block holds, so that its results (at most a few
    /// kilobytes a line, beyond what its values hold) stay small too.
    static let maximumLines = 1024

    /// Its bytes; the first ``count`` hold data.
    let storage: UnsafeMutableBufferPointer<UInt8>
    /// How many bytes hold data.
    var count = 0
    /// The results of its lines, once judged: written out before the
    /// block is filled again.
    let results = ResultBuffer(capacity: 1 << 18)

    init() {
        storage = .allocate(capacity: Self.size)
    }

    deinit { storage.deallocate() }

    /// The bytes that hold data.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: storage[..<count]) }
}

/// One input, read in blocks of a fixed size, so memory stays flat
/// whatever its size or line lengths.
///
/// JSON Lines are cut into blocks of whole lines (``nextBlock(into:)``),
/// at most 128 KiB and 1,024 lines each, judged in place; a line longer than a block is streamed
/// (``beginLongLine(_:)``): then the source hands the JSON reader windows
/// that end at the line's end. A whole document is streamed the same way,
/// without the line boundary (``beginDocument(_:)``). Blocks are cut where
/// the bytes say, never where a read happened to stop, so the results do
/// not depend on timing.
final class InputSource: JSONByteSource {
    private let reader: InputReader
    /// The start of a line read with the previous block.
    private var carry: [UInt8] = []
    /// Whether the input has no more bytes.
    private(set) var ended = false
    /// Why reading stopped early, if it did.
    private(set) var failure: InputError?

    // Streaming: the window is `block[start..<windowEnd]`; bytes up to
    // `block.count` are read; `lineEnd` is the LF that ends the line, once seen.
    private var block: ByteBlock?
    private var start = 0, windowEnd = 0
    private var stopsAtLineEnd = false
    private var lineEnd: Int?

    /// Reads `descriptor`.
    init(descriptor: Int32) {
        reader = InputReader(descriptor: descriptor)
    }

    /// Reads into `block` after its first `offset` bytes, until it is full
    /// or the input ends; a failed read ends the input.
    private func fill(_ block: ByteBlock, from offset: Int) {
        block.count = offset
        guard !ended else { return }
        do {
            block.count += try reader.fill(UnsafeMutableBufferPointer(rebasing: block.storage[offset...]))
        } catch {
            failure = error
            ended = true
        }
        if block.count < ByteBlock.size { ended = true }
    }

    // MARK: JSON Lines

    /// What ``nextBlock(into:)`` found.
    enum Next {
        /// Whole lines, at most ``ByteBlock/maximumLines``, in the block's
        /// first `count` bytes (the last one may lack its LF at the end of
        /// the input).
        case lines(Int)
        /// A line longer than a block: the block is full of its start.
        case longLine
        /// The input has ended.
        case end
    }

    /// Fills `block` with the next whole lines, and counts them.
    func nextBlock(into block: ByteBlock) -> Next {
        let carried = carry.count
        carry.withUnsafeBufferPointer { _ = block.storage.initialize(fromContentsOf: $0) }
        carry.removeAll(keepingCapacity: true)
        fill(block, from: carried)
        guard block.count > 0 else { return .end }
        let base = block.storage.baseAddress!
        var lines = 0, end = 0
        while lines < ByteBlock.maximumLines, end < block.count,
              let found = System.firstIndex(of: 0x0A, in: UnsafeRawBufferPointer(start: base + end, count: block.count - end)) {
            end += found + 1
            lines += 1
        }
        if lines == 0 {
            guard ended else { return .longLine }
            return .lines(1)
        }
        if lines < ByteBlock.maximumLines, ended, end < block.count {
            end = block.count  // the last line, without its LF
            lines += 1
        }
        carry.append(contentsOf: block.storage[end..<block.count])
        block.count = end
        return .lines(lines)
    }

    /// Streams the line that fills `block`, which the source keeps until
    /// ``endLongLine()``: the JSON reader's first window.
    func beginLongLine(_ block: ByteBlock) -> UnsafeBufferPointer<UInt8> {
        self.block = block
        start = 0
        windowEnd = block.count
        stopsAtLineEnd = true
        lineEnd = nil
        return window
    }

    /// After the long line was read or refused: steps past its LF, reading
    /// and dropping at most `limit` bytes to find it. `false` when it was
    /// not found within them (the input is then given up on).
    func skipRestOfLine(limit: Int) -> Bool {
        guard let block else { return true }
        if let lineEnd {
            start = lineEnd + 1
            return true
        }
        var skipped = block.count - start
        while !ended {
            fill(block, from: 0)
            start = 0
            if let found = firstLineFeed(in: 0..<block.count) {
                start = found + 1
                return true
            }
            skipped += block.count
            if skipped > limit { return false }
        }
        start = block.count
        return true
    }

    /// Ends streaming a long line: what follows it is carried to the next
    /// block.
    func endLongLine() {
        if let block { carry.append(contentsOf: block.storage[start..<block.count]) }
        block = nil
        stopsAtLineEnd = false
    }

    // MARK: Whole documents

    /// Streams the whole input as one document, through `block`: the JSON
    /// reader's first window.
    func beginDocument(_ block: ByteBlock) -> UnsafeBufferPointer<UInt8> {
        self.block = block
        fill(block, from: 0)
        start = 0
        windowEnd = block.count
        stopsAtLineEnd = false
        lineEnd = nil
        return window
    }

    // MARK: The window

    /// The offset of the first LF in `range` of the block.
    private func firstLineFeed(in range: Range<Int>) -> Int? {
        guard let block, !range.isEmpty else { return nil }
        return System.firstIndex(of: 0x0A, in: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: block.storage[range]))).map { range.lowerBound + $0 }
    }

    private var window: UnsafeBufferPointer<UInt8> {
        guard let block else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(rebasing: block.storage[start..<windowEnd])
    }

    func refill(keepingFrom consumed: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let block, lineEnd == nil, !ended else { return nil }
        start += consumed
        // Keep the unread bytes at the front, read after them.
        let kept = block.count - start
        if start > 0 {
            UnsafeMutableRawPointer(block.storage.baseAddress!).copyMemory(from: block.storage.baseAddress! + start, byteCount: kept)
            start = 0
        }
        fill(block, from: kept)
        windowEnd = block.count
        if stopsAtLineEnd, let lineEnd = firstLineFeed(in: kept..<block.count) {
            self.lineEnd = lineEnd
            // A CR before the LF is not part of the line.
            windowEnd = lineEnd > 0 && block.storage[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
        }
        return window
    }
}
