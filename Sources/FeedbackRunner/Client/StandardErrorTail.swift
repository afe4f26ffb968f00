/// The end of what an adapter wrote to its standard error: its last
/// ``maxLines`` lines within its last ``maxBytes`` bytes, for telling why
/// it stopped (a Python traceback's last line names the missing module).
///
/// Memory stays bounded however much the adapter writes: only the last
/// ``maxBytes`` bytes are ever kept. The lines are as the adapter wrote
/// them (they may hold a parameter's value): filter them before they are
/// shown.
struct StandardErrorTail {
    /// The most lines ``lines`` gives.
    static let maxLines = 20
    /// The most bytes kept.
    static let maxBytes = 4096

    private var bytes: [UInt8] = []
    /// Whether bytes before the kept ones were dropped (the first kept line
    /// may then be the end of a longer one).
    private var cut = false

    /// Keeps the end of `chunk`, the next bytes the adapter wrote.
    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        let kept = chunk.suffix(Self.maxBytes)
        if kept.count < chunk.count { cut = true }
        bytes.append(contentsOf: kept)
        if bytes.count > Self.maxBytes {
            bytes.removeFirst(bytes.count - Self.maxBytes)
            cut = true
        }
    }

    /// The last non-blank lines, oldest first, without their line ends; a
    /// line cut by the byte bound starts with `…`. Invalid UTF-8 is
    /// replaced (U+FFFD).
    var lines: [String] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
        if cut, !lines.isEmpty { lines[0] = "…" + lines[0] }
        return Array(lines.filter { !$0.allSatisfy(\.isWhitespace) }.suffix(Self.maxLines))
    }
}
