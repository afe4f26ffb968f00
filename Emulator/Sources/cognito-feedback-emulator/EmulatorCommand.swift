import ArgumentParser
import FeedbackEmulator
import FeedbackSigning
import Foundation

/// `cognito-feedback-emulator`: a local, exact emulator of Cognito's
/// auth-event feedback API, for testing clients offline.
@main
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cognito-feedback-emulator",
        abstract: "Serve UpdateAuthEventFeedback, AdminUpdateAuthEventFeedback and AdminListUserAuthEvents over awsJson1.1, "
            + "validated as the service does, with state from a seed file.",
        discussion: """
            POST / answers the operations (X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>); \
            GET /_emulator/state shows the state. Stops gracefully on SIGINT and SIGTERM. \
            Prints "listening on HOST:PORT" once it accepts connections.
            """)

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed when listening).")
    var port = 9229

    @Option(help: "A JSON seed file of user pools, users and auth events (Emulator/seed.schema.json).")
    var seed: String?

    @Option(help: "The region the Admin operations' SigV4 credential scope must name.")
    var region = "us-east-1"

    @Option(help: "The access key id Admin requests must be signed with (with --secret-key: signatures are verified).")
    var accessKey: String?

    @Option(help: "The secret access key of --access-key (prefer the environment variable EMULATOR_SECRET_KEY).")
    var secretKey: String?

    @Option(help: "Requests a second (token bucket) beyond which TooManyRequestsException answers (default: no limit).")
    var rate: Double?

    @Option(help: "The share of requests (0 to 1) answered InternalErrorException (HTTP 500).")
    var internalErrorShare: Double = 0

    @Option(help: "Milliseconds added to every API answer.")
    var latency: Int = 0

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        if let rate, !(rate > 0 && rate.isFinite) { throw ValidationError("--rate must be a positive number") }
        guard internalErrorShare >= 0, internalErrorShare <= 1 else { throw ValidationError("--internal-error-share must be 0...1") }
        guard latency >= 0, latency <= 600_000 else { throw ValidationError("--latency must be 0...600000 milliseconds") }
        let secret = secretKey ?? ProcessInfo.processInfo.environment["EMULATOR_SECRET_KEY"]
        guard (accessKey == nil) == (secret == nil) else {
            throw ValidationError("--access-key and --secret-key (or EMULATOR_SECRET_KEY) go together")
        }
    }

    func run() async throws {
        var configuration = EmulatorConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.region = region
        if let accessKey, let secret = secretKey ?? ProcessInfo.processInfo.environment["EMULATOR_SECRET_KEY"] {
            configuration.credentials = AWSCredentials(accessKeyId: accessKey, secretAccessKey: secret)
        }
        configuration.rate = rate
        configuration.internalErrorShare = internalErrorShare
        configuration.latencyMilliseconds = latency
        var state = Seed()
        if let seed {
            guard let bytes = FileManager.default.contents(atPath: seed) else {
                throw ValidationError("cannot read the seed file \(seed)")
            }
            do {
                state = try Seed(json: bytes)
            } catch {
                throw ValidationError("seed file \(seed): \(error)")
            }
        }
        let host = self.host
        let app = Emulator.application(configuration, seed: state) { port in
            // Unbuffered: a script waits for this line.
            FileHandle.standardOutput.write(Data("listening on \(host):\(port)\n".utf8))
        }
        try await app.runService()
    }
}
