/// The ASCII character classes of the documented patterns, as one 256-entry
/// table of bit flags: a class test is one load and one AND. Bytes at or
/// above 0x80 belong to no class.
enum ASCIIClass {
    /// `[\w-]` with ASCII `\w`: the pool ID prefix.
    static let wordOrHyphen: UInt8 = 1 << 0
    /// `[0-9a-zA-Z]`: the pool ID suffix.
    static let alphanumeric: UInt8 = 1 << 1
    /// `[\w+-]` with ASCII `\w`: EventId.
    static let eventId: UInt8 = 1 << 2
    /// `[A-Za-z0-9-_=.]`: FeedbackToken.
    static let feedbackToken: UInt8 = 1 << 3
    /// `!`...`~`: the ASCII scalars in `\p{L}\p{M}\p{S}\p{N}\p{P}` (all but
    /// space and the controls).
    static let username: UInt8 = 1 << 4

    /// The table, built once (thread-safely) from the class definitions
    /// above, then never changed or freed: reading it costs no reference
    /// counting, and sharing it across threads is safe.
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        func add(_ members: String, _ flag: UInt8) {
            for byte in members.utf8 { table[Int(byte)] |= flag }
        }
        let alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        add(alnum + "_-", wordOrHyphen)
        add(alnum, alphanumeric)
        add(alnum + "_+-", eventId)
        add(alnum + "-_=.", feedbackToken)
        for byte in 0x21...0x7E { table[byte] |= username }
        return UnsafePointer(table)
    }()

    /// The length of the longest prefix of `bytes` whose bytes are all in
    /// the class `flag`.
    @inline(__always)
    static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>, in flag: UInt8, table: UnsafePointer<UInt8>) -> Int {
        var index = 0
        // Four bytes per branch: the class flags of a run AND together.
        while index &+ 4 <= bytes.count {
            let flags = table[Int(bytes[index])] & table[Int(bytes[index &+ 1])]
                & table[Int(bytes[index &+ 2])] & table[Int(bytes[index &+ 3])]
            if flags & flag == 0 { break }
            index &+= 4
        }
        while index < bytes.count && table[Int(bytes[index])] & flag != 0 { index &+= 1 }
        return index
    }
}
