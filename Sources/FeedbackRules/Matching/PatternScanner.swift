/// The matchers behind ``Pattern``: one pass over UTF-8 (a second, short one
/// for the pool ID suffix), no regex engine, no allocation. Each returns the
/// scalar count with the verdict, so a value is walked once.
enum PatternScanner {
    /// Counts the scalars of `bytes[from...]`: every byte that is not a
    /// UTF-8 continuation byte starts one. Only failing values need this.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var count = 0
        var index = start
        while index < bytes.count {
            count &+= bytes[index] & 0xC0 != 0x80 ? 1 : 0
            index &+= 1
        }
        return count
    }

    /// `[class]+` for an ASCII class: any non-ASCII byte fails the match.
    @inline(__always)
    static func ascii<Class: ASCIIClass>(_ bytes: UnsafeBufferPointer<UInt8>, _: Class.Type) -> Pattern.Scan {
        let run = Class.prefixLength(bytes)
        if run == bytes.count { return .init(scalarCount: run, matches: run > 0) }
        // Bytes before `run` are ASCII: one scalar each.
        return .init(scalarCount: run + scalarCount(bytes, from: run), matches: false)
    }

    /// `[\w-]+_[0-9a-zA-Z]+` in linear time and constant space.
    ///
    /// The suffix cannot hold `_`, so a match must split at the **last**
    /// underscore: the value matches exactly when every byte is in `[\w-]`,
    /// and its maximal alphanumeric tail is non-empty and preceded by a `_`
    /// that is not the first byte. This is what a backtracking engine finds,
    /// without its quadratic worst case.
    @inline(__always)
    static func userPoolId(_ bytes: UnsafeBufferPointer<UInt8>) -> Pattern.Scan {
        let run = WordOrHyphen.prefixLength(bytes)
        guard run == bytes.count else {
            return .init(scalarCount: run + scalarCount(bytes, from: run), matches: false)
        }
        let tail = bytes.count &- Alphanumeric.suffixLength(bytes)  // start of the alphanumeric tail
        let matches = tail < bytes.count && tail >= 2 && bytes[tail &- 1] == UInt8(ascii: "_")
        return .init(scalarCount: bytes.count, matches: matches)
    }

    /// `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`, tested per scalar.
    ///
    /// Runs of ASCII take the class scan; other scalars are decoded and
    /// judged by their general category.
    @inline(never)
    static func username(_ bytes: UnsafeBufferPointer<UInt8>) -> Pattern.Scan {
        var index = UsernameASCII.prefixLength(bytes)
        if index == bytes.count { return .init(scalarCount: index, matches: index > 0) }
        var scalars = index
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                let run = UsernameASCII.prefixLength(UnsafeBufferPointer(rebasing: bytes[index...]))
                guard run > 0 else {
                    return .init(scalarCount: scalars + scalarCount(bytes, from: index), matches: false)
                }
                index &+= run
                scalars &+= run
            } else {
                let (scalar, width) = decode(bytes, at: index, lead: lead)
                guard UsernameCategories.allows(scalar) else {
                    return .init(scalarCount: scalars + scalarCount(bytes, from: index), matches: false)
                }
                index &+= width
                scalars &+= 1
            }
        }
        return .init(scalarCount: scalars, matches: true)
    }

    /// Decodes the multi-byte scalar starting at `index` (well-formed UTF-8).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8) -> (UInt32, Int) {
        if lead < 0xE0 {
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index &+ 1] & 0x3F), 2)
        } else if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index &+ 1] & 0x3F) << 6
                | UInt32(bytes[index &+ 2] & 0x3F), 3)
        }
        return (UInt32(lead & 0x07) << 18 | UInt32(bytes[index &+ 1] & 0x3F) << 12
            | UInt32(bytes[index &+ 2] & 0x3F) << 6 | UInt32(bytes[index &+ 3] & 0x3F), 4)
    }
}
