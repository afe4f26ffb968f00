import FeedbackEmulator
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// What a client sees on one connection, byte for byte: answers in the order
/// of pipelined requests (the API's and the others', with latency too), a
/// connection closed when the request asks, an oversized body refused
/// without losing the connection, and the `Date` field's form.
@Suite struct ConnectionTests {
    static let update = feedbackBody()

    static func post(_ target: String, _ body: String, close: Bool = false) -> String {
        "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.1\r\n"
            + "X-Amz-Target: AWSCognitoIdentityProviderService.\(target)\r\nContent-Length: \(body.utf8.count)\r\n"
            + (close ? "Connection: close\r\n" : "") + "\r\n" + body
    }

    static let state = "GET /_emulator/state HTTP/1.1\r\nHost: localhost\r\n\r\n"

    @Test("Pipelined requests are answered in order, the API's and the state's alike", arguments: [0, 150])
    func pipelinedAnswersKeepTheirOrder(latency: Int) async throws {
        var harness = EmulatorHarness()
        harness.configuration.latencyMilliseconds = latency
        try await harness.run { client in
            let connection = try RawConnection(port: client.port)
            try connection.send(Self.post("UpdateAuthEventFeedback", Self.update) + Self.state
                + Self.post("AdminGetUser", "{}") + Self.state + Self.post("UpdateAuthEventFeedback", "[]", close: true))
            let answers = RawConnection.answers(in: try await connection.readToEnd())
            #expect(answers.map(\.status) == [200, 200, 400, 200, 400])
            #expect(answers.map(\.type) == [nil, nil, "UnknownOperationException", nil, "SerializationException"])
            // The state read after the feedback shows it: the API's answer was written before the next request ran.
            #expect(answers[1].body.contains(#""value": "Invalid""#))
        }
    }

    @Test("A request saying Connection: close gets its answer, then the connection ends")
    func connectionCloseEndsTheConnection() async throws {
        try await EmulatorHarness().run { client in
            let connection = try RawConnection(port: client.port)
            try connection.send(Self.post("UpdateAuthEventFeedback", "{}", close: true))
            let answers = RawConnection.answers(in: try await connection.readToEnd())  // returns only at the end of the stream
            #expect(answers.map(\.type) == ["InvalidParameterException"])
        }
    }

    @Test("A body over the limit, in parts, is answered 413 and the connection serves the next request")
    func anOversizedBodyIsRefused() async throws {
        var harness = EmulatorHarness()
        harness.configuration.maximumBodyBytes = 64
        try await harness.run { client in
            let connection = try RawConnection(port: client.port)
            let body = String(repeating: " ", count: 100) + Self.update
            let request = Self.post("UpdateAuthEventFeedback", body)
            let split = request.utf8.count - 60
            try connection.send(String(decoding: Array(request.utf8)[..<split], as: UTF8.self))
            try await Task.sleep(for: .milliseconds(50))  // the body arrives in at least two parts
            try connection.send(String(decoding: Array(request.utf8)[split...], as: UTF8.self)
                + Self.post("UpdateAuthEventFeedback", "{}", close: true))
            let answers = RawConnection.answers(in: try await connection.readToEnd())
            #expect(answers.map(\.status) == [413, 400])
            #expect(answers.map(\.type) == ["SerializationException", "InvalidParameterException"])
        }
    }

    @Test("A request expecting 100-continue is told to go on, then answered")
    func expectContinueIsAnswered() async throws {
        try await EmulatorHarness().run { client in
            let connection = try RawConnection(port: client.port)
            let request = Self.post("UpdateAuthEventFeedback", Self.update, close: true)
            let headEnd = try #require(request.firstRange(of: "\r\n\r\n"))
            try connection.send(String(request[..<headEnd.lowerBound]) + "\r\nExpect: 100-Continue\r\n\r\n")
            let interim = try await connection.read(atLeast: 12)
            #expect(String(decoding: interim, as: UTF8.self).hasPrefix("HTTP/1.1 100 Continue\r\n"))
            try connection.send(String(request[headEnd.upperBound...]))
            let answers = RawConnection.answers(in: interim + (try await connection.readToEnd()))
            #expect(answers.map(\.status) == [100, 200])
        }
    }

    @Test("Every answer carries Content-Length and an IMF-fixdate Date of now (RFC 9110 §5.6.7)")
    func answersCarryLengthAndDate() async throws {
        try await EmulatorHarness().run { client in
            let connection = try RawConnection(port: client.port)
            try connection.send(Self.post("UpdateAuthEventFeedback", Self.update, close: true))
            let answer = try #require(RawConnection.answers(in: try await connection.readToEnd()).first)
            #expect(answer.fields["content-length"] == String(answer.body.utf8.count))
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let text = try #require(answer.fields["date"])
            let date = try #require(formatter.date(from: text), "not an IMF-fixdate: \(text)")
            #expect(formatter.string(from: date) == text)
            #expect(abs(date.timeIntervalSinceNow) < 5)
        }
    }
}

/// One TCP connection to the emulator, read and written as bytes, every
/// read bounded (10 s).
final class RawConnection: Sendable {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { close(descriptor); throw Failure.socket(errno) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    enum Failure: Error { case socket(Int32), timedOut(String) }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw Failure.socket(errno) }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Everything until the emulator closes the connection.
    func readToEnd() async throws -> [UInt8] { try await read(atLeast: .max) }

    /// At least `count` bytes (all that arrived, or all until the end), read
    /// on a thread of its own: a blocking read on Swift Concurrency's few
    /// threads could starve the emulator's own tasks in this process.
    func read(atLeast count: Int) async throws -> [UInt8] {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try self.readBlocking(atLeast: count) }) }
        }
    }

    private func readBlocking(atLeast wanted: Int) throws -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            guard count > 0 else { throw errno == EAGAIN ? Failure.timedOut(String(decoding: received, as: UTF8.self)) : Failure.socket(errno) }
            received += chunk[..<count]
            if received.count >= wanted { return received }
        }
    }

    struct Answer {
        let status: Int
        /// Field names lowercased.
        let fields: [String: String]
        let body: String
        var type: String? {
            guard let range = body.firstRange(of: #""__type":""#) else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// The answers in `bytes`, each framed by its Content-Length.
    static func answers(in bytes: [UInt8]) -> [Answer] {
        var answers: [Answer] = []
        var rest = bytes[...]
        let separator = Array("\r\n\r\n".utf8)
        while let end = rest.firstRange(of: separator) {
            let head = String(decoding: rest[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            var fields: [String: String] = [:]
            for line in head.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let length = Int(fields["content-length"] ?? "0") ?? 0
            let bodyEnd = min(end.upperBound + length, rest.endIndex)
            let status = Int(head[0].split(separator: " ").dropFirst().first ?? "") ?? 0
            answers.append(Answer(status: status, fields: fields, body: String(decoding: rest[end.upperBound..<bodyEnd], as: UTF8.self)))
            rest = rest[bodyEnd...]
        }
        return answers
    }
}
