#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedbackConformance

extension ConformanceReport {
    /// The requests of a run over the network: how many went out, how many
    /// of them were retries, how many answers were throttling.
    public struct Traffic: Sendable, Hashable, JSONReadable, JSONWritable {
        /// Requests sent, probes and retries included.
        public var requests: Int
        /// Requests that were retries of an earlier one.
        public var retries: Int
        /// Answers that were throttling (`TooManyRequestsException`, HTTP 429, ...).
        public var throttled: Int
        /// Answers that were a server error (HTTP 5xx).
        public var serverErrors: Int
        /// The rate the run's adaptive limiter settled at, in requests a
        /// second, when the run ended; `nil` when it never came on (no
        /// throttling answer, or no limiter).
        public var settledRate: Double?

        /// Counts.
        public init(requests: Int = 0, retries: Int = 0, throttled: Int = 0, serverErrors: Int = 0,
                    settledRate: Double? = nil) {
            self.requests = requests
            self.retries = retries
            self.throttled = throttled
            self.serverErrors = serverErrors
            self.settledRate = settledRate
        }

        /// The keys of the traffic in a report, each spelled once for reading and writing.
        private enum Key {
            static let requests = "requests", retries = "retries", throttled = "throttled"
            static let serverErrors = "serverErrors", settledRate = "settledRate"
        }

        /// Reads the traffic as a JSON report writes it (``jsonValue``).
        package init(json fields: JSONFields) throws(JSONFieldError) {
            requests = try fields.int(Key.requests)
            retries = try fields.int(Key.retries)
            throttled = try fields.int(Key.throttled)
            serverErrors = try fields.int(Key.serverErrors)
            settledRate = try fields.optional(Key.settledRate) { fields, key throws(JSONFieldError) in try fields.double(key) }
        }

        /// The counts as JSON; `settledRate` rounded to 3 decimals, `null` when none.
        public var jsonValue: JSONValue {
            .object([Key.requests: .integer(requests), Key.retries: .integer(retries), Key.throttled: .integer(throttled),
                     Key.serverErrors: .integer(serverErrors),
                     Key.settledRate: settledRate.map { .number(($0 * 1000).rounded() / 1000) } ?? .null])
        }

        /// `583 requests (5 retries; 4 throttled, 1 server error)`, and when
        /// the limiter came on, `; the rate settled at 3.71 requests/s`.
        public var summary: String {
            func count(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
            return count(requests, "request", "requests") + " (" + count(retries, "retry", "retries") + "; "
                + "\(throttled) throttled, " + count(serverErrors, "server error", "server errors") + ")"
                + (settledRate.map { "; the rate settled at " + $0.fixed(2) + " requests/s" } ?? "")
        }
    }
}
