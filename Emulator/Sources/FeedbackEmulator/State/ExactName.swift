/// A name compared as the service compares it: byte for byte (UTF-8), not
/// by Swift's canonical equivalence (`"e\u{301}" == "é"` is true for
/// `String`, and a `[String: ...]` would find one user by the other's name).
struct ExactName: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ExactName, rhs: ExactName) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
