import FeedbackEmulator
import FeedbackSigning
import FeedbackWire
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ServiceLifecycle
import Testing

/// A seeded emulator on a free loopback port, and requests to it as SDKs send them.
struct EmulatorHarness {
    static let pool = "us-east-1_EXAMPLE1"
    static let user = "alice"
    static let event = "e-1"
    static let token = "right.token="

    static let seed = Seed(userPools: [
        .init(id: pool, advancedSecurity: true, users: [
            .init(username: user, authEvents: [
                .init(eventId: event, feedbackToken: token, creationDate: Date(timeIntervalSince1970: 1_800_000_000)),
                .init(eventId: "e-0", feedbackToken: "older", creationDate: Date(timeIntervalSince1970: 1_700_000_000)),
                .init(eventId: "e-2", feedbackToken: "oldest", creationDate: Date(timeIntervalSince1970: 1_600_000_000)),
            ]),
            .init(username: "\u{E9}l\u{E8}ve", authEvents: [.init(eventId: "e-nfc", feedbackToken: "nfc")]),
        ]),
        .init(id: "us-east-1_NOADDON", advancedSecurity: false, users: [
            .init(username: user, authEvents: [.init(eventId: event, feedbackToken: token)]),
        ]),
    ])

    var configuration: EmulatorConfiguration = {
        var configuration = EmulatorConfiguration()
        configuration.port = 0
        return configuration
    }()

    /// Runs `test` against a live emulator, stopped gracefully after it.
    func run(_ test: @escaping @Sendable (Client) async throws -> Void) async throws {
        let (ports, listening) = AsyncStream<Int>.makeStream()
        let app = Emulator.application(configuration, seed: Self.seed) { port in listening.yield(port) }
        let services = ServiceGroup(configuration: .init(services: [app], logger: app.logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { listening.finish() }  // a server that cannot start ends the wait below
                try await services.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.waitForAll()
                Issue.record("the emulator did not start")
                return
            }
            do {
                try await test(Client(port: port))
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }

    /// Requests to one emulator, over URLSession.
    struct Client: Sendable {
        let port: Int
        var host: String { "127.0.0.1:\(port)" }

        func post(_ target: String, _ body: String, signedWith credentials: AWSCredentials? = .test,
                  region: String = "us-east-1", service: String = "cognito-idp",
                  fullTarget: String? = nil) async throws -> Answer {
            var request = WireRequest(method: "POST", path: "/", headers: [
                "Content-Type": "application/x-amz-json-1.1",
                "X-Amz-Target": fullTarget ?? "AWSCognitoIdentityProviderService." + target,
            ], body: Array(body.utf8))
            if let credentials {
                request = SigV4.sign(request, host: host, credentials: credentials, region: region, service: service)
            }
            var urlRequest = URLRequest(url: URL(string: "http://\(host)/")!)
            urlRequest.httpMethod = "POST"
            for field in request.headers.fields { urlRequest.setValue(field.value, forHTTPHeaderField: field.name) }
            urlRequest.httpBody = Data(body.utf8)
            let (data, response) = try await URLSession.shared.data(for: urlRequest)
            return Answer(response as! HTTPURLResponse, data)
        }

        func get(_ path: String) async throws -> String {
            let (data, _) = try await URLSession.shared.data(from: URL(string: "http://\(host)\(path)")!)
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// An answer as a client reads it.
struct Answer: Sendable {
    let status: Int
    let errorTypeHeader: String?
    let requestId: String?
    let json: [String: JSONValue]

    init(_ response: HTTPURLResponse, _ body: Data) {
        status = response.statusCode
        errorTypeHeader = response.value(forHTTPHeaderField: "x-amzn-ErrorType")
        requestId = response.value(forHTTPHeaderField: "x-amzn-RequestId")
        json = (try? JSONValue.object(parsing: Array(body))) ?? [:]
    }

    var type: String? { if case .string(let type)? = json["__type"] { type } else { nil } }
    var message: String? { if case .string(let message)? = json["message"] { message } else { nil } }
}

/// An awsJson1.1 body of the feedback operations.
func feedbackBody(pool: String = EmulatorHarness.pool, user: String = EmulatorHarness.user,
                  event: String = EmulatorHarness.event, token: String? = EmulatorHarness.token, value: String = "Invalid") -> String {
    var members: [String: JSONValue] = ["UserPoolId": .string(pool), "Username": .string(user), "EventId": .string(event),
                                        "FeedbackValue": .string(value)]
    if let token { members["FeedbackToken"] = .string(token) }
    return String(decoding: JSONWriter().text(.object(members)), as: UTF8.self)
}
