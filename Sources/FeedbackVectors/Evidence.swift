/// How sure a vector's expectation is: the least certain evidence among the
/// claims it makes (`vectors/README.md`, "Evidence levels"). The cases are
/// listed from the most to the least certain.
///
/// A deviation from a `documented` or `observed` expectation is a defect the
/// real service is known not to have; one from an `inferred` expectation is
/// a difference of reading, reported rather than trusted.
public enum Evidence: String, Sendable, Hashable, CaseIterable {
    /// The API reference or the service model says so (lengths, patterns,
    /// the enum, required and sensitive members), or the protocol the model
    /// names (awsJson1.1, the Smithy constraint traits, RFC 8259).
    case documented
    /// A public capture of the real service shows it (message wording,
    /// SerializationException for a boolean or an object), cited in
    /// `SOURCES.md`.
    case observed
    /// Another awsJson1.1 service behaves so (Kinesis, in kinesalite's tests
    /// run against the live service), cited in `SOURCES.md`.
    case indirect
    /// The project's reasoning, stated in the vector's flags and the README:
    /// no public evidence settles it, so the vector allows every plausible
    /// reading, or keeps its best guess.
    case inferred
}
