import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// The emulator as a Hummingbird application.
///
/// ```swift
/// var configuration = EmulatorConfiguration()
/// configuration.port = 0
/// let app = Emulator.application(configuration, seed: seed) { port in print(port) }
/// try await app.runService()   // until SIGINT or SIGTERM
/// ```
public enum Emulator {
    /// An application serving `seed`'s state; `listening` is called with
    /// the bound port once the server accepts connections.
    public static func application(_ configuration: EmulatorConfiguration, seed: Seed,
                                   listening: @escaping @Sendable (Int) async -> Void = { _ in })
        -> Application<EmulatorResponder>
    {
        var logger = Logger(label: "cognito-feedback-emulator")
        logger.logLevel = .warning
        let store = UserPoolStore(seed)
        let api = FeedbackAPI(store: store, configuration: configuration)
        return Application(
            responder: EmulatorResponder(store: store),
            server: HTTPServerBuilder { responder in EmulatorChannel(responder: responder, api: api) },
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: nil),
            onServerRunning: { channel in await listening(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}
