/// Bytes judged side by side: the 16 lanes of a SIMD register, or the 8
/// bytes of a 64-bit word (SWAR). The ASCII classes are written once against
/// this protocol and evaluated at either width.
///
/// Every operation is lane-wise as long as each lane holds a byte below
/// 0x80: sums then stay below 0x100, so no carry crosses into the next byte
/// of a word. ``ASCIIClass`` clears the high bits before it asks.
protocol ByteLanes {
    /// Every lane set to `byte`.
    static func splat(_ byte: UInt8) -> Self
    /// The lanes with what the class tests need cleared from their high
    /// bits: a word clears them, so that no carry crosses into the next
    /// byte; SIMD lanes cannot carry into each other and stay as they are.
    var carryFree: Self { get }
    static func &+ (lhs: Self, rhs: Self) -> Self
    static func & (lhs: Self, rhs: Self) -> Self
    static func | (lhs: Self, rhs: Self) -> Self
    static func ^ (lhs: Self, rhs: Self) -> Self
    static prefix func ~ (operand: Self) -> Self
}

extension ByteLanes {
    /// The high bit of each lane set where `lo <= lane <= hi` (lanes and
    /// bounds below 0x80).
    @inline(__always)
    static func inRange(_ lanes: Self, _ lo: Unicode.Scalar, _ hi: Unicode.Scalar) -> Self {
        // lane + (0x80 - lo) reaches 0x80 exactly when lane >= lo;
        // lane + (0x7F - hi) reaches 0x80 exactly when lane > hi.
        (lanes &+ splat(0x80 &- UInt8(lo.value))) & ~(lanes &+ splat(0x7F &- UInt8(hi.value)))
    }

    /// The high bit of each lane set where the lane is `byte` (below 0x80).
    @inline(__always)
    static func equal(_ lanes: Self, _ byte: Unicode.Scalar) -> Self {
        // (lane ^ byte) + 0x7F reaches 0x80 exactly when lane != byte.
        ~((lanes ^ splat(UInt8(byte.value))) &+ splat(0x7F))
    }
}

extension UInt64: ByteLanes {
    @inline(__always)
    static func splat(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }
    @inline(__always)
    var carryFree: UInt64 { self & 0x7F7F_7F7F_7F7F_7F7F }
}

extension SIMD16: ByteLanes where Scalar == UInt8 {
    @inline(__always)
    static func splat(_ byte: UInt8) -> SIMD16<UInt8> { SIMD16(repeating: byte) }
    @inline(__always)
    var carryFree: SIMD16<UInt8> { self }
}
