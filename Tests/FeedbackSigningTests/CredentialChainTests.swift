import FeedbackSigning
import FeedbackTestSupport
import Foundation
import Testing

/// Where the real service's credentials come from: the environment given
/// (never this process's), and shared files in a temporary HOME.
@Suite("Credentials from the environment and the AWS shared files")
struct CredentialChainTests {
    /// Canary secrets: none may appear in any error's description.
    static let secret = "CanarySecretKey/0123456789+abcdefABCDEF"
    static let token = "CanarySessionToken0123456789zyxw"

    /// A temporary HOME with `~/.aws/credentials` and `~/.aws/config` holding `credentials` and `config`.
    static func home(credentials: String? = nil, config: String? = nil) throws -> TemporaryFolder {
        let home = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: home.file(".aws"), withIntermediateDirectories: true)
        if let credentials { try credentials.write(toFile: home.file(".aws/credentials"), atomically: true, encoding: .utf8) }
        if let config { try config.write(toFile: home.file(".aws/config"), atomically: true, encoding: .utf8) }
        return home
    }

    @Test("The environment variables come first, with the session token; an empty variable counts as unset")
    func environmentFirst() throws {
        let home = try Self.home(credentials: "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n")
        let found = try CredentialChain(environment: [
            "HOME": home.path, "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": Self.secret, "AWS_SESSION_TOKEN": Self.token,
        ]).credentials()
        #expect(found?.credentials == AWSCredentials(accessKeyId: "AKIDENV", secretAccessKey: Self.secret, sessionToken: Self.token))
        #expect(found?.source == "the environment variables")
        let fallsThrough = try CredentialChain(environment: ["HOME": home.path, "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""])
            .credentials()
        #expect(fallsThrough?.credentials.accessKeyId == "AKIDFILE")
        #expect(fallsThrough?.source == "profile default in \(home.path)/.aws/credentials")
    }

    @Test("Half a key pair in the environment is an error that names the missing variable, not a value")
    func partialEnvironment() throws {
        #expect(throws: CredentialsError.partial(where: "the environment", missing: "AWS_SECRET_ACCESS_KEY")) {
            try CredentialChain(environment: ["AWS_ACCESS_KEY_ID": "AKIDENV"]).credentials()
        }
        do {
            _ = try CredentialChain(environment: ["AWS_SECRET_ACCESS_KEY": Self.secret]).credentials()
            Issue.record("half a pair was accepted")
        } catch {
            #expect(error == .partial(where: "the environment", missing: "AWS_ACCESS_KEY_ID"))
            #expect(!error.description.contains(Self.secret))
        }
    }

    @Test("An explicit profile is read from the files alone, the environment's keys notwithstanding")
    func explicitProfile() throws {
        let home = try Self.home(credentials: """
            [default]
            aws_access_key_id = AKIDDEFAULT
            aws_secret_access_key = default-secret

            [ci]
            aws_access_key_id=AKIDCI
            aws_secret_access_key=\(Self.secret)
            aws_session_token=\(Self.token)
            """)
        let chain = CredentialChain(environment: ["HOME": home.path, "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env"])
        let found = try #require(try chain.credentials(profile: "ci"))
        #expect(found.credentials == AWSCredentials(accessKeyId: "AKIDCI", secretAccessKey: Self.secret, sessionToken: Self.token))
        #expect(throws: CredentialsError.profileNotFound("nope", files: [home.file(".aws/credentials"), home.file(".aws/config")])) {
            try chain.credentials(profile: "nope")
        }
    }

    @Test("AWS_PROFILE chooses the profile; the config file's [profile NAME] serves when the credentials file lacks it")
    func profileFromEnvironmentAndConfig() throws {
        let home = try Self.home(credentials: "[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = x\n",
                                 config: "[default]\nregion = us-east-1\n\n[profile ci]\nregion = eu-west-1\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = \(Self.secret)\n")
        let found = try CredentialChain(environment: ["HOME": home.path, "AWS_PROFILE": "ci"]).credentials()
        #expect(found?.credentials.accessKeyId == "AKIDCONFIG")
        #expect(found?.source == "profile ci in \(home.path)/.aws/config")
        // A profile named in AWS_PROFILE that exists nowhere is an error, not "no credentials".
        #expect(throws: CredentialsError.self) {
            try CredentialChain(environment: ["HOME": home.path, "AWS_PROFILE": "missing"]).credentials()
        }
        // The config's [default] holds only a region: no credentials, and no error.
        #expect(try CredentialChain(environment: ["HOME": home.path]).credentials() == nil)
    }

    @Test("The credentials file wins over the config file for the same profile")
    func credentialsFileWins() throws {
        let home = try Self.home(credentials: "[ci]\naws_access_key_id = AKIDCREDS\naws_secret_access_key = a\n",
                                 config: "[profile ci]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = b\n")
        #expect(try CredentialChain(environment: ["HOME": home.path]).credentials(profile: "ci")?.credentials.accessKeyId == "AKIDCREDS")
    }

    @Test("AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE replace the files under HOME, with ~ expanded")
    func filesFromEnvironment() throws {
        let home = try Self.home(credentials: "[default]\naws_access_key_id = AKIDHOME\naws_secret_access_key = a\n")
        try "[default]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = b\n"
            .write(toFile: home.file("creds.ini"), atomically: true, encoding: .utf8)
        let chain = CredentialChain(environment: ["HOME": home.path, "AWS_SHARED_CREDENTIALS_FILE": "~/creds.ini",
                                                  "AWS_CONFIG_FILE": "~/nowhere"])
        #expect(chain.credentialsPath == home.file("creds.ini"))
        #expect(chain.configPath == home.file("nowhere"))
        #expect(try chain.credentials()?.credentials.accessKeyId == "AKIDELSEWHERE")
    }

    @Test("No variables and no files: no credentials, no error")
    func nothing() throws {
        let home = try Self.home()
        #expect(try CredentialChain(environment: ["HOME": home.path]).credentials() == nil)
        #expect(try CredentialChain(environment: [:]).credentials() == nil)
    }

    @Test("A profile that assumes a role, runs a process or uses SSO is refused, saying how to export static keys")
    func unsupportedProfiles() throws {
        for setting in ["role_arn = arn:aws:iam::1:role/x\nsource_profile = default", "credential_process = /bin/false",
                        "sso_session = corp"] {
            let home = try Self.home(config: "[profile dev]\n\(setting)\n")
            #expect(throws: CredentialsError.self) { try CredentialChain(environment: ["HOME": home.path]).credentials(profile: "dev") }
            do {
                _ = try CredentialChain(environment: ["HOME": home.path]).credentials(profile: "dev")
            } catch {
                #expect(error.description.contains("aws configure export-credentials --profile dev"))
            }
        }
    }

    @Test("The INI dialect: comments, a byte order mark, CRLF, 'key: value', indented continuations, keys in any case")
    func dialect() throws {
        let text = "\u{FEFF}# a comment\r\n; another\r\n[ci]\r\nAWS_ACCESS_KEY_ID: AKIDCI\r\n"
            + "aws_secret_access_key =   \(Self.secret)   \r\ns3 =\r\n  max_concurrent_requests = 2\r\n"
        let file = try SharedConfigFile(text: text, path: "f")
        #expect(file.sections["ci"]?["aws_access_key_id"] == "AKIDCI")
        #expect(file.sections["ci"]?["aws_secret_access_key"] == Self.secret)
        #expect(file.sections["ci"]?["max_concurrent_requests"] == nil)
    }

    @Test("A malformed line is an error naming the file and the line, never its text", arguments: [
        ("[ci]\n\(CredentialChainTests.secret)\n", 2), ("aws_secret_access_key = \(CredentialChainTests.secret)\n", 1),
        ("[ci\naws_secret_access_key = \(CredentialChainTests.secret)\n", 1),
        ("[ci]\n[ci]\n", 2),
    ])
    func malformed(text: String, line: Int) throws {
        do {
            _ = try SharedConfigFile(text: text, path: "/x/credentials")
            Issue.record("a malformed file was read")
        } catch {
            guard case .malformed(let file, let at, _) = error else { Issue.record("\(error)"); return }
            #expect(file == "/x/credentials" && at == line)
            #expect(!error.description.contains(Self.secret))
        }
    }

    @Test("A credentials file that is a directory or too large is refused with a reason")
    func unusableFiles() throws {
        let home = try Self.home()
        try FileManager.default.createDirectory(atPath: home.file(".aws/credentials"), withIntermediateDirectories: true)
        #expect(throws: CredentialsError.unreadable(file: home.file(".aws/credentials"), reason: "it is a directory")) {
            try CredentialChain(environment: ["HOME": home.path]).credentials()
        }
        let big = home.file("big")
        try Data(repeating: 0x61, count: SharedConfigFile.maxBytes + 1).write(to: URL(fileURLWithPath: big))
        #expect(throws: CredentialsError.unreadable(file: big, reason: "it is larger than \(SharedConfigFile.maxBytes) bytes")) {
            try SharedConfigFile.read(big)
        }
    }
}
