import FeedbackSigning

/// How an emulator runs: where it listens, its region, the credentials it
/// verifies, and the faults it injects (each off by default).
public struct EmulatorConfiguration: Sendable {
    /// The address to listen on (default `127.0.0.1`: this machine only).
    public var host: String = "127.0.0.1"
    /// The port; 0 picks a free one (printed when listening).
    public var port: Int = 9229
    /// The region the Admin operations' SigV4 scope must name.
    public var region: String = "us-east-1"
    /// When given, Admin requests must be signed with these keys (signature verified).
    public var credentials: AWSCredentials?
    /// Requests a second (token bucket) beyond which `TooManyRequestsException` answers; `nil`: no limit.
    public var rate: Double?
    /// The share (0...1) of requests answered `InternalErrorException`.
    public var internalErrorShare: Double = 0
    /// Milliseconds added to every API answer.
    public var latencyMilliseconds: Int = 0
    /// The largest request body read (8 MiB).
    public var maximumBodyBytes: Int = 8 << 20

    public init() {}
}
