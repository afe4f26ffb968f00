#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where Amazon Cognito's user pools API answers, and what kind of host an
/// endpoint names: the facts a run's defaults (rate, credentials) rest on.
///
/// ```swift
/// ServiceEndpoint.url(region: "eu-west-1")        // https://cognito-idp.eu-west-1.amazonaws.com/
/// ServiceEndpoint.region(of: url)                  // "eu-west-1" for that URL
/// ServiceEndpoint.isLoopback(host: "127.0.0.1")    // true: no rate limit by default
/// ```
public enum ServiceEndpoint {
    /// Requests per second a run sends to an endpoint that is not this
    /// machine, unless told otherwise: a few, far below any quota.
    ///
    /// The quota of these two operations was looked for and not found
    /// (`SOURCES.md#cognito-quotas`: the searchable copies of "Quotas in
    /// Amazon Cognito" elide each category's operations). What is known:
    /// quotas are per account and Region and shared by all its callers;
    /// the smallest category default is 15 requests per second; and each
    /// user may have at most 10 write requests per second. Four a second
    /// stays under all of these, whatever category the operations are in,
    /// and leaves most of the smallest quota to the account's own traffic;
    /// a whole run (578 requests) takes about two and a half minutes.
    public static let politeRate: Double = 4

    /// The service's endpoint in `region`: `https://cognito-idp.REGION.amazonaws.com/`
    /// (`.amazonaws.com.cn` in the China regions); `nil` when `region` is
    /// not a region name (lowercase letters, digits and `-`, starting with a
    /// letter, at most 32 characters).
    public static func url(region: String) -> URL? {
        guard isRegionName(region) else { return nil }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return URL(string: "https://cognito-idp.\(region).\(suffix)/")
    }

    /// Whether `text` has the shape of a region name (`us-east-1`).
    public static func isRegionName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.utf8.count <= 32 else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The region of a `cognito-idp.REGION.amazonaws.com` (or `.com.cn`,
    /// or FIPS `cognito-idp-fips.REGION…`) URL; `nil` for any other host.
    public static func region(of url: URL) -> String? {
        guard let host = url.host?.lowercased(), isAWS(host: host) else { return nil }
        let labels = host.split(separator: ".")
        guard labels.count >= 4, labels[0] == "cognito-idp" || labels[0] == "cognito-idp-fips" else { return nil }
        let region = String(labels[1])
        return isRegionName(region) ? region : nil
    }

    /// Whether `host` is one of AWS's own (`….amazonaws.com`,
    /// `….amazonaws.com.cn`, `….api.aws`): the real service, perhaps through
    /// a VPC endpoint.
    public static func isAWS(host: String) -> Bool {
        let host = host.lowercased()
        return ["amazonaws.com", "amazonaws.com.cn", "api.aws"].contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// Whether `host` is this machine: `localhost` (and names under it),
    /// an IPv4 address in 127.0.0.0/8, or `::1`.
    public static func isLoopback(host: String) -> Bool {
        var host = Substring(host.lowercased())
        while host.first == "[" || host.first == "]" { host.removeFirst() }
        while host.last == "[" || host.last == "]" { host.removeLast() }
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
        }
    }
}
