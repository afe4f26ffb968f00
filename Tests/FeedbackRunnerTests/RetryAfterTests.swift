import Foundation
import Testing
@testable import FeedbackRunner

/// `Retry-After` read as RFC 9110 says: seconds, or an HTTP date in any of
/// its three forms; anything else ignored. The expected instants were read
/// with Python's `email.utils.parsedate_to_datetime`.
@Suite("Retry-After: seconds and HTTP dates")
struct RetryAfterTests {
    /// Sun, 06 Nov 1994 08:49:37 GMT, the RFC's example.
    static let now = Date(timeIntervalSince1970: 784_111_777)

    @Test("Seconds are whole digits, spaces around allowed; a huge number is just long")
    func seconds() {
        #expect(RetryAfter.seconds("120", now: Self.now) == 120)
        #expect(RetryAfter.seconds(" 5\t", now: Self.now) == 5)
        #expect(RetryAfter.seconds("0", now: Self.now) == 0)
        #expect(RetryAfter.seconds("99999999999999999999999", now: Self.now) == 1e12)
        for refused in ["", " ", "-1", "1.5", "+3", "3s", "0x10", "١٢"] {
            #expect(RetryAfter.seconds(refused, now: Self.now) == nil, "\(refused)")
        }
    }

    @Test("An HTTP date in each of its three forms is the time from now to then; a past one is 0")
    func dates() {
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:47 GMT", now: Self.now) == 10)
        #expect(RetryAfter.seconds("Sunday, 06-Nov-94 08:49:47 GMT", now: Self.now) == 10)
        #expect(RetryAfter.seconds("Sun Nov  6 08:49:47 1994", now: Self.now) == 10)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:48:37 GMT", now: Self.now) == 0)
        let leapDay = Date(timeIntervalSince1970: 1_709_251_199 - 30)
        #expect(RetryAfter.seconds("Thu, 29 Feb 2024 23:59:59 GMT", now: leapDay) == 30)
    }

    @Test("A date that does not exist, in another zone, or cut short is ignored")
    func badDates() {
        for refused in ["Thu, 29 Feb 2023 23:59:59 GMT", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 06 Nov 1994 24:00:00 GMT",
                        "Sun, 06 Nov 1994 08:49 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 6 Nov 1994 08:49:37 GMT",
                        "tomorrow"] {
            #expect(RetryAfter.seconds(refused, now: Self.now) == nil, "\(refused)")
        }
    }
}
