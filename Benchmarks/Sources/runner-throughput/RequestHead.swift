/// What the server needs from a request head: the body's length, and
/// whether the client asks to close the connection after the answer.
struct RequestHead {
    /// The `Content-Length`, 0 when absent.
    let contentLength: Int
    /// Whether the request says `Connection: close`.
    let closes: Bool

    /// Parses the header fields of `head` (the bytes before the blank
    /// line, request line first); nil when the body cannot be framed by
    /// `Content-Length` (a line without a colon, a length that is not a
    /// decimal number, any `Transfer-Encoding`).
    init?(_ head: ArraySlice<UInt8>) {
        var contentLength = 0
        var closes = false
        for line in head.split(separator: UInt8(ascii: "\n")).dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
            switch name {
            case "content-length":
                guard !value.isEmpty, value.utf8.allSatisfy({ (48...57).contains($0) }), let length = Int(value) else {
                    return nil
                }
                contentLength = length
            case "transfer-encoding":
                return nil
            case "connection":
                closes = value.lowercased().split(separator: ",").contains { Self.trimmed($0.utf8[...]).elementsEqual("close".utf8) }
            default:
                break
            }
        }
        self.contentLength = contentLength
        self.closes = closes
    }

    /// `bytes` without leading and trailing spaces, tabs and carriage returns.
    private static func trimmed<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bytes.SubSequence {
        let blank: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 13 }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }
}
