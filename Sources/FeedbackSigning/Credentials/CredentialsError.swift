/// Why credentials could not be loaded. Descriptions name files, profiles,
/// variables and keys, never a value: the values are secrets.
public enum CredentialsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A profile named explicitly (`--profile`, `AWS_PROFILE`) is in
    /// neither shared file.
    case profileNotFound(String, files: [String])
    /// One of a pair of keys is set without the other (`AWS_ACCESS_KEY_ID`
    /// without `AWS_SECRET_ACCESS_KEY`, or the same in a profile).
    case partial(where: String, missing: String)
    /// A profile named explicitly holds no key pair.
    case noKeys(profile: String)
    /// The profile gets its credentials in a way this tool does not follow
    /// (`role_arn`, `credential_process`, `sso_session`, ...).
    case unsupported(profile: String, setting: String)
    /// A shared file exists but cannot be used.
    case unreadable(file: String, reason: String)
    /// A shared file has a line that is not INI.
    case malformed(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .profileNotFound(let profile, let files):
            "the profile '\(profile)' is in neither \(files.joined(separator: " nor "))"
        case .partial(let place, let missing):
            "\(place) has an access key id or secret access key without the other (\(missing) is missing)"
        case .noKeys(let profile):
            "the profile '\(profile)' holds no aws_access_key_id and aws_secret_access_key"
        case .unsupported(let profile, let setting):
            "the profile '\(profile)' gets its credentials through \(setting), which this tool does not follow; "
                + "export static credentials instead (e.g. eval \"$(aws configure export-credentials --profile \(profile) --format env)\")"
        case .unreadable(let file, let reason):
            "cannot read \(file): \(reason)"
        case .malformed(let file, let line, let reason):
            "\(file), line \(line): \(reason)"
        }
    }
}
