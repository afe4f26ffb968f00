/// AWS credentials for signing test requests. Their description shows the
/// access key id only.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The access key id (`AKIDEXAMPLE`).
    public var accessKeyId: String
    /// The secret access key; never printed.
    public var secretAccessKey: String
    /// A session token, for temporary credentials.
    public var sessionToken: String?

    /// Creates credentials.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Fake credentials for emulators and for checking clients' signatures.
    public static let test = AWSCredentials(accessKeyId: "AKIDCOGNITOFEEDBACK", secretAccessKey: "conformance-test-secret")

    public var description: String { "AWSCredentials(\(accessKeyId), secret: <redacted>)" }

    /// A mirror that shows the access key id only.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyId": accessKeyId, "secretAccessKey": "<redacted>"])
    }
}
