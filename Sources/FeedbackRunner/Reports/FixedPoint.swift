#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Double {
    /// The number in fixed-point notation with `places` digits after the
    /// point, right-aligned in at least `width` characters: C's `%*.*f`
    /// (the C locale's `.`), as Foundation's `String(format:)` writes it,
    /// which FoundationEssentials does not have.
    package func fixed(_ places: Int, width: Int = 0) -> String {
        let arguments: [any CVarArg] = [Int32(clamping: width), Int32(clamping: places), self]
        let length = withVaList(arguments) { vsnprintf(nil, 0, "%*.*f", $0) }
        guard length >= 0 else { return String(self) }
        var bytes = [CChar](repeating: 0, count: Int(length) + 1)
        _ = bytes.withUnsafeMutableBufferPointer { buffer in
            withVaList(arguments) { vsnprintf(buffer.baseAddress, buffer.count, "%*.*f", $0) }
        }
        return String(decoding: bytes.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
