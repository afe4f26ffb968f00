extension String {
    /// Calls `body` with the string's UTF-8 bytes: in place for a native
    /// string (no copy, no allocation), after one copy for a bridged one.
    @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withContiguousStorageIfAvailable(body) ?? withUTF8BytesOfNativeCopy(body)
    }

    /// The rare path of ``withUTF8Bytes(_:)``, kept out of line so that the
    /// common one stays small where it is inlined.
    @inline(never)
    func withUTF8BytesOfNativeCopy<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var copy = self
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(body)!
    }
}
