#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedbackWire

/// AWS Signature Version 4 (header form) over a `WireRequest`.
///
/// ```swift
/// let signed = SigV4.sign(WireRequest(.adminUpdateAuthEventFeedback, body: bytes),
///                         host: "cognito-idp.us-east-1.amazonaws.com",
///                         credentials: .test, region: "us-east-1")
/// SigV4.verify(signed, host: "cognito-idp.us-east-1.amazonaws.com", credentials: .test)  // .valid
/// ```
///
/// Checked against AWS's published SigV4 test suite (`get-vanilla`) and
/// against botocore's `SigV4Auth` in the tests.
public enum SigV4 {
    /// Signs `request`: adds `X-Amz-Date`, `X-Amz-Security-Token` (with a
    /// session token) and `Authorization`, over every header of the request
    /// plus `host`.
    public static func sign(_ request: WireRequest, host: String, credentials: AWSCredentials, region: String,
                            service: String = "cognito-idp", date: Date = Date()) -> WireRequest {
        var request = request
        request.headers.fields.removeAll { ["authorization", "x-amz-date", "x-amz-security-token"].contains($0.name.lowercased()) }
        let stamp = timestamp(date)
        request.headers.fields.append(.init(name: "X-Amz-Date", value: stamp))
        if let token = credentials.sessionToken {
            request.headers.fields.append(.init(name: "X-Amz-Security-Token", value: token))
        }
        var names = Set(request.headers.fields.map { $0.name.lowercased() })
        names.insert("host")
        let signedHeaders = names.sorted()
        let scope = "\(stamp.prefix(8))/\(region)/\(service)/aws4_request"
        let signature = self.signature(request, host: host, signedHeaders: signedHeaders, stamp: stamp, scope: scope,
                                       secret: credentials.secretAccessKey)
        request.headers.fields.append(.init(name: "Authorization", value:
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"))
        return request
    }

    /// Checks `request`'s SigV4 `Authorization` against `credentials`: the
    /// access key, a scope dated as `X-Amz-Date`, every signed header
    /// present, and the signature recomputed over the signed headers.
    /// `host` stands in for a `Host` header the request does not list.
    ///
    /// With a `region` and `service`, the credential scope must name them;
    /// with a `now`, `X-Amz-Date` must lie within ``allowedClockSkew`` of it,
    /// as the service requires (`InvalidSignatureException: Signature
    /// expired`).
    public static func verify(_ request: WireRequest, host: String, credentials: AWSCredentials, region: String? = nil,
                              service: String? = nil, now: Date? = nil) -> SignatureCheck {
        guard let header = request.headers["Authorization"] else { return .missing }
        let authorization: SigV4Authorization
        do {
            authorization = try SigV4Authorization(parsing: header)
        } catch {
            return .malformed(error.reason)
        }
        guard authorization.accessKeyId == credentials.accessKeyId else { return .malformed("signed with another access key") }
        guard let stamp = request.headers["X-Amz-Date"] else { return .malformed("no X-Amz-Date header") }
        guard stamp.hasPrefix(authorization.date) else { return .malformed("scope date differs from X-Amz-Date") }
        if let region, authorization.region != region {
            return .wrongScope("names the region \(shownName(authorization.region)), not \(region)")
        }
        if let service, authorization.service != service {
            return .wrongScope("names the service \(shownName(authorization.service)), not \(service)")
        }
        if let now {
            guard let signed = date(stamp) else { return .malformed("X-Amz-Date is not yyyyMMdd'T'HHmmss'Z'") }
            let skew = abs(signed.timeIntervalSince(now))
            if skew > allowedClockSkew { return .outsideClockSkew(minutes: Int((skew / 60).rounded())) }
        }
        let signedHeaders = authorization.signedHeaders
        guard signedHeaders.contains("host"), signedHeaders.contains("x-amz-date") else {
            return .malformed("host and x-amz-date must be signed")
        }
        for name in signedHeaders where name != "host" && request.headers[name] == nil {
            return .malformed("signed header \(name) is not in the request")
        }
        let expected = self.signature(request, host: request.headers["Host"] ?? host, signedHeaders: signedHeaders,
                                      stamp: stamp, scope: authorization.scope,
                                      secret: credentials.secretAccessKey)
        return expected == authorization.signature ? .valid : .mismatch
    }

    static func signature(_ request: WireRequest, host: String, signedHeaders: [String], stamp: String, scope: String,
                          secret: String) -> String {
        let (path, query) = splitPath(request.path)
        let canonicalHeaders = signedHeaders.map { name in
            let values = name == "host" && request.headers["host"] == nil ? [host] : request.headers.values(name)
            return name + ":" + values.map(normalizedValue).joined(separator: ",") + "\n"
        }.joined()
        let canonicalRequest = [request.method, path, query, canonicalHeaders, signedHeaders.joined(separator: ";"),
                                SHA256.hex(SHA256.hash(request.body))].joined(separator: "\n")
        let stringToSign = ["AWS4-HMAC-SHA256", stamp, scope, SHA256.hex(SHA256.hash(Array(canonicalRequest.utf8)))]
            .joined(separator: "\n")
        var key = Array(("AWS4" + secret).utf8)
        for part in scope.split(separator: "/") { key = SHA256.hmac(key: key, Array(part.utf8)) }
        return SHA256.hex(SHA256.hmac(key: key, Array(stringToSign.utf8)))
    }

    /// The path and its canonical query string (pairs sorted; already encoded).
    private static func splitPath(_ path: String) -> (String, String) {
        guard let mark = path.firstIndex(of: "?") else { return (path.isEmpty ? "/" : path, "") }
        let pairs = path[path.index(after: mark)...].split(separator: "&").map { $0.contains("=") ? String($0) : $0 + "=" }
        return (String(path[..<mark]), pairs.sorted().joined(separator: "&"))
    }

    private static func normalizedValue(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// How far `X-Amz-Date` may be from the service's clock: 15 minutes
    /// (SOURCES.md#sigv4-clock-skew).
    public static let allowedClockSkew: TimeInterval = 15 * 60

    /// A scope part as a result may show it: itself when it looks like a
    /// region or service name, else a placeholder (a peer wrote it).
    static func shownName(_ part: String) -> String {
        let plain = !part.isEmpty && part.utf8.count <= 32
            && part.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        return plain ? String(part) : "another one"
    }

    /// The time of a `yyyyMMdd'T'HHmmss'Z'` stamp, or `nil` when it is not one.
    static func date(_ stamp: String) -> Date? {
        let bytes = Array(stamp.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(9..<11),
            let minute = number(11..<13), let second = number(13..<15), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second < 61
        else { return nil }
        // Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        // A fixed offset, not the identifier "UTC": without Foundation's
        // internationalization (the static executable links only
        // FoundationEssentials), time zones by name do not exist.
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year ?? 0)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }
}
