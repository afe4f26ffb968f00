@_spi(Benchmarks) import FeedbackReference
import FeedbackRules

nonisolated(unsafe) let reference = RegexReference()

/// The first byte picks a member, the rest (as UTF-8, invalid sequences
/// replaced) is its value; the other members hold valid values. The
/// engine's violations must equal the regex reference's, and each
/// pattern scan must agree with the reference match and the scalar count.
/// Any disagreement is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let member = Member.allCases[Int(bytes[0]) % Member.allCases.count]
    let value = String(decoding: bytes.dropFirst(), as: UTF8.self)
    var values: [Member: String] = [
        .userPoolId: "us-east-1_EXAMPLE", .username: "alice", .eventId: "e1", .feedbackToken: "t", .feedbackValue: "Valid",
    ]
    values[member] = value
    for pattern in Pattern.allCases {
        let scan = pattern.scan(value)
        if scan.matches != reference.matches(pattern, value) { fatalError("\(pattern) match disagrees with the reference") }
        if scan.scalarCount != value.unicodeScalars.count { fatalError("\(pattern) scalar count is wrong") }
    }
    for operation in FeedbackOperation.allCases {
        let got = operation.validate { values[$0].map(MemberValue.string) ?? .absent }.violations.map { "\($0.member) \($0.kind)" }
        let expected = reference.violations(operation, values).map { "\($0.0) \($0.1)" }
        if got != expected { fatalError("\(operation) violations differ: engine \(got), reference \(expected)") }
    }
    return 0
}

/// Compiles the reference's regexes before the first input.
func prepare() { _ = reference }
