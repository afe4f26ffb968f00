import FeedbackConformance
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `Retry-After` field of an answer (RFC 9110, section 10.2.3;
/// `SOURCES.md#retry-after`): how long the server asks to be left alone,
/// as a number of seconds (`120`) or an HTTP date (`Wed, 21 Oct 2026
/// 07:28:00 GMT`, and the obsolete RFC 850 and asctime forms, which the RFC
/// says a recipient must accept).
///
/// ```swift
/// RetryAfter.seconds("120", now: date)                                // 120
/// RetryAfter.seconds("Wed, 21 Oct 2026 07:28:00 GMT", now: date)      // from date to then, 0 if past
/// RetryAfter.seconds("soon", now: date)                               // nil: ignored
/// ```
///
/// A value that is neither (negative, fractional, out of range, a date
/// that does not exist) is ignored, as botocore ignores an invalid
/// `x-amz-retry-after`.
enum RetryAfter {
    /// The wait `answer`'s `Retry-After` asks for, in seconds; `nil`: none, or unreadable.
    static func seconds(_ answer: WireResponse, now: Date) -> Double? {
        answer.headers["Retry-After"].flatMap { seconds($0, now: now) }
    }

    /// The wait `value` asks for, in seconds from `now` (0 for a date
    /// already past); `nil` when it is neither form.
    static func seconds(_ value: String, now: Date) -> Double? {
        var text = Array(value.utf8)[...]
        while let first = text.first, first == 0x20 || first == 0x09 { text.removeFirst() }
        while let last = text.last, last == 0x20 || last == 0x09 { text.removeLast() }
        guard !text.isEmpty else { return nil }
        if text.allSatisfy({ (0x30...0x39).contains($0) }) {
            // delay-seconds: any number of digits; a huge one is just "long".
            guard text.count <= 12 else { return 1e12 }
            return Double(text.reduce(0) { $0 * 10 + Int($1 - 0x30) })
        }
        guard let date = date(Array(text), now: now) else { return nil }
        return max(0, date - now.timeIntervalSince1970)
    }

    /// Seconds since 1970 of an HTTP date in any of its three forms.
    static func date(_ text: [UInt8], now: Date) -> Double? {
        // Words and numbers, split at spaces, commas, dashes and colons.
        var words: [[UInt8]] = [[]]
        for byte in text {
            if [0x20, 0x2C, 0x2D, 0x3A].contains(byte) {
                if !words[words.count - 1].isEmpty { words.append([]) }
            } else {
                words[words.count - 1].append(byte)
            }
        }
        if words.last?.isEmpty == true { words.removeLast() }
        func number(_ word: [UInt8], digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(word.count), word.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return word.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func month(_ word: [UInt8]) -> Int? {
            months.firstIndex(of: String(decoding: word, as: UTF8.self)).map { $0 + 1 }
        }
        let year: Int?, monthNumber: Int?, day: Int?, clock: ArraySlice<[UInt8]>
        switch words.count {
        case 8 where words[7] == Array("GMT".utf8):
            // IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", or rfc850 "Sunday, 06-Nov-94 08:49:37 GMT".
            day = number(words[1], digits: 2...2)
            monthNumber = month(words[2])
            if let full = number(words[3], digits: 4...4) {
                year = full
            } else if let short = number(words[3], digits: 2...2) {
                // RFC 9110: a two-digit year more than 50 years ahead is in the past century.
                let current = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(secondsFromGMT: 0)!, from: now).year ?? 2000
                let candidate = current - current % 100 + short
                year = candidate > current + 50 ? candidate - 100 : candidate
            } else {
                year = nil
            }
            clock = words[4...6]
        case 7:
            // asctime "Sun Nov  6 08:49:37 1994".
            monthNumber = month(words[1])
            day = number(words[2], digits: 1...2)
            clock = words[3...5]
            year = number(words[6], digits: 4...4)
        default:
            return nil
        }
        guard let year, let monthNumber, let day, clock.count == 3,
              let hour = number(clock[clock.startIndex], digits: 2...2), hour < 24,
              let minute = number(clock[clock.startIndex + 1], digits: 2...2), minute < 60,
              let second = number(clock[clock.startIndex + 2], digits: 2...2), second < 61,
              day >= 1, day <= daysIn(month: monthNumber, year: year)
        else { return nil }
        let days = daysSince1970(year: year, month: monthNumber, day: day)
        return Double(days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59))
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar
    /// (Howard Hinnant's `days_from_civil`).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
