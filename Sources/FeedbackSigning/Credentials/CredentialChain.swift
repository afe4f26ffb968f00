/// Finds AWS credentials the way the AWS SDKs and CLI do, for signing
/// requests to the real service, from an explicit environment (so a
/// caller, or a test, decides what is read; nothing global is changed).
///
/// ```swift
/// let chain = CredentialChain(environment: ProcessInfo.processInfo.environment)
/// if let found = try chain.credentials(profile: nil) {
///     found.credentials   // sign with these
///     found.source        // "the environment variables", "profile ci in /home/me/.aws/credentials"
/// }
/// ```
///
/// In this order, as botocore's default chain (the providers that need
/// nothing but the environment and the files):
/// 1. `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (with
///    `AWS_SESSION_TOKEN`, or the older `AWS_SECURITY_TOKEN`), unless a
///    profile is named explicitly;
/// 2. the profile: the one named explicitly, else `AWS_PROFILE` (or
///    `AWS_DEFAULT_PROFILE`), else `default`; its `aws_access_key_id`,
///    `aws_secret_access_key` and `aws_session_token` from the shared
///    credentials file (`AWS_SHARED_CREDENTIALS_FILE`, else
///    `~/.aws/credentials`, section `[NAME]`), else from the config file
///    (`AWS_CONFIG_FILE`, else `~/.aws/config`, section `[profile NAME]`,
///    or `[default]`).
///
/// An empty variable counts as unset. A profile that gets its credentials
/// from a role, a process or SSO is an error that says so (this tool makes
/// no calls to STS or SSO); the instance and container metadata endpoints
/// are not asked.
public struct CredentialChain: Sendable {
    /// The environment variables read.
    public let environment: [String: String]

    /// A chain over `environment` (e.g. `ProcessInfo.processInfo.environment`).
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Credentials and where they were found.
    public struct Found: Sendable, Hashable {
        /// The credentials.
        public var credentials: AWSCredentials
        /// Where they came from, for people: `the environment variables`,
        /// `profile NAME in FILE`.
        public var source: String
    }

    /// The credentials of `profile` when given (the environment variables
    /// are then not read), else the first the chain finds; `nil` when
    /// there are none at all.
    /// - Throws: ``CredentialsError``: a named profile that does not exist,
    ///   half a key pair, an unusable file, an unsupported profile.
    public func credentials(profile explicit: String? = nil) throws(CredentialsError) -> Found? {
        if explicit == nil, let found = try fromEnvironment() { return found }
        let named = explicit ?? value("AWS_PROFILE") ?? value("AWS_DEFAULT_PROFILE")
        let profile = named ?? "default"
        let credentialsFile = try SharedConfigFile.read(credentialsPath)
        let configFile = try SharedConfigFile.read(configPath)
        let fromCredentials = credentialsFile?.sections[profile]
        let fromConfig = profile == "default"
            ? configFile?.sections["default"] ?? configFile?.sections["profile default"]
            : configFile?.sections["profile \(profile)"]
        guard fromCredentials != nil || fromConfig != nil else {
            if named != nil { throw .profileNotFound(profile, files: [credentialsPath, configPath]) }
            return nil
        }
        for (settings, file) in [(fromCredentials, credentialsPath), (fromConfig, configPath)] {
            guard let settings else { continue }
            let place = "the profile '\(profile)' in \(file)"
            if let pair = try keyPair(settings["aws_access_key_id"], settings["aws_secret_access_key"],
                                      names: ("aws_access_key_id", "aws_secret_access_key"), place: place)
            {
                let token = settings["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
                return Found(credentials: AWSCredentials(accessKeyId: pair.0, secretAccessKey: pair.1, sessionToken: token),
                             source: "profile \(profile) in \(file)")
            }
        }
        let merged = (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { _, new in new }
        if let setting = Self.unsupportedSettings.first(where: { merged[$0] != nil }) {
            throw .unsupported(profile: profile, setting: setting)
        }
        if named != nil { throw .noKeys(profile: profile) }
        return nil
    }

    /// Settings through which a profile gets credentials this tool does not fetch.
    static let unsupportedSettings = [
        "role_arn", "source_profile", "credential_process", "sso_session", "sso_start_url", "web_identity_token_file",
        "credential_source",
    ]

    /// The shared credentials file: `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`.
    public var credentialsPath: String { expanded(value("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials") }

    /// The config file: `AWS_CONFIG_FILE`, else `~/.aws/config`.
    public var configPath: String { expanded(value("AWS_CONFIG_FILE") ?? "~/.aws/config") }

    private func fromEnvironment() throws(CredentialsError) -> Found? {
        guard let pair = try keyPair(value("AWS_ACCESS_KEY_ID"), value("AWS_SECRET_ACCESS_KEY"),
                                     names: ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"), place: "the environment")
        else { return nil }
        let token = value("AWS_SESSION_TOKEN") ?? value("AWS_SECURITY_TOKEN")
        return Found(credentials: AWSCredentials(accessKeyId: pair.0, secretAccessKey: pair.1, sessionToken: token),
                     source: "the environment variables")
    }

    /// Both keys, neither, or an error for one without the other.
    private func keyPair(_ id: String?, _ secret: String?, names: (String, String), place: String)
        throws(CredentialsError) -> (String, String)?
    {
        let id = id.flatMap { $0.isEmpty ? nil : $0 }
        let secret = secret.flatMap { $0.isEmpty ? nil : $0 }
        switch (id, secret) {
        case (let id?, let secret?): return (id, secret)
        case (nil, nil): return nil
        case (nil, _?): throw .partial(where: place, missing: names.0)
        case (_?, nil): throw .partial(where: place, missing: names.1)
        }
    }

    /// A variable's value; empty counts as unset.
    private func value(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// `path` with a leading `~/` replaced by `HOME`.
    private func expanded(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = value("HOME") else { return path }
        return home + path.dropFirst()
    }
}
