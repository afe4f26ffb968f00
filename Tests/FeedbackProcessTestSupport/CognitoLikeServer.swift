import FeedbackTestSupport
import Foundation

extension ServerProcess {
    /// Starts `Conformance/fixtures/cognito_like_server.py --port 0 arguments...`
    /// (a stand-in for the real service: it answers every vector as the
    /// vectors expect, and can serve TLS, throttle, check SigV4, differ or
    /// leak) with `python3` from `PATH`, and reads its port from its stdout.
    public static func cognitoLike(_ arguments: [String] = []) throws -> ServerProcess {
        let script = PackagePaths.file("Conformance/fixtures/cognito_like_server.py")
        return try start(["python3", script, "--port", "0"] + arguments, portFrom: .stdout) { line in
            Int(line.trimmingCharacters(in: .whitespaces))
        }
    }

    /// `https://127.0.0.1:<port>/`, for a server started with `--tls`.
    public var secureEndpoint: URL { URL(string: "https://127.0.0.1:\(port)/")! }
}
