import Foundation
import Testing
import FeedbackRules
import FeedbackAdapterProtocol
import FeedbackConformance

@Suite("Adapter protocol messages")
struct AdapterMessageTests {
    @Test("Commands are one ASCII line each and parse back to themselves")
    func commandsRoundTrip() throws {
        let item = ClientCase(id: "x.update", operation: .updateAuthEventFeedback,
                              parameters: [.username: "e\u{301}\u{1F469}\u{200D}\u{1F4BB}\n\"", .feedbackValue: "Valid"],
                              response: ErrorForm.header.response("UserNotFoundException", status: 400), surfaces: .error("UserNotFoundException"), result: .valid)
        let commands: [AdapterCommand] = [
            .start(StartCommand(region: "eu-west-1", endpoint: "http://127.0.0.1:4566", credentials: .test)),
            .run(RunCommand(item)), .stop,
        ]
        for command in commands {
            let line = command.jsonLine
            #expect(line.last == UInt8(ascii: "\n") && line.dropLast().allSatisfy { $0 >= 0x20 && $0 < 0x80 })
            #expect(try AdapterCommand(line: line) == command.sortingHeaders)
        }
        let run = String(decoding: AdapterCommand.run(RunCommand(item)).jsonLine, as: UTF8.self)
        #expect(run.contains(#""Username":"e\u0301\ud83d\udc69\u200d\ud83d\udcbb\u000a\"""#))
    }

    @Test("Replies: a request by URL or path, body as text or base64, the host from Host or the URL")
    func repliesParse() throws {
        let byURL = try AdapterReply(line: Array(#"{"id":"a","request":{"method":"POST","url":"https://h.example:8443/","headers":{"X-Amz-Target":"T"},"body":"{\"A\":\"\\u00e9\"}"},"surfaced":{"success":true},"extra":1}"#.utf8))
        guard case .outcome("a", .sent(let sent)) = byURL else { Issue.record("not a sent outcome"); return }
        #expect(sent.host == "h.example:8443" && sent.request.path == "/" && sent.request.headers["x-amz-target"] == "T")
        #expect(sent.request.body == Array("{\"A\":\"\\u00e9\"}".utf8) && sent.surfaced == .success)
        let defaultPort = try AdapterReply(line: Array(#"{"id":"a","request":{"method":"POST","url":"https://h.example:443","headers":{},"bodyBase64":"/w=="},"surfaced":{"error":"X"}}"#.utf8))
        guard case .outcome(_, .sent(let other)) = defaultPort else { Issue.record("not a sent outcome"); return }
        #expect(other.host == "h.example" && other.request.path == "/" && other.request.body == [0xFF] && other.surfaced == .error("X"))
        let byPath = try AdapterReply(line: Array(#"{"id":"a","request":{"method":"POST","path":"/","headers":{"Host":"h"},"body":""},"surfaced":{"error":"X"}}"#.utf8))
        guard case .outcome(_, .sent(let third)) = byPath else { Issue.record("not a sent outcome"); return }
        #expect(third.host == "h")
        #expect(try AdapterReply(line: Array(#"{"id":"a","rejected":{"message":"secret"}}"#.utf8)) == .outcome(id: "a", .rejected))
        #expect(try AdapterReply(line: Array(#"{"version":1,"implementation":{"name":"n","language":"l","homepage":"u"}}"#.utf8))
                == .started(AdapterImplementation(name: "n", language: "l", extra: ["homepage": "u"])))
    }

    @Test("Malformed replies are errors that name the field, never a value", arguments: [
        (#"Traceback (most recent call last)"#, "not a JSON object"),
        (#"{"request":{}}"#, "'id'"),
        (#"{"id":"a","rejected":{},"unsupported":"x"}"#, "exactly one of"),
        (#"{"id":"a","request":{"method":"POST","url":"not a url secret-value","headers":{},"body":""},"surfaced":{"success":true}}"#, "'request.url'"),
        (#"{"id":"a","request":{"method":"POST","url":"https://h/","headers":{"A":1},"body":""},"surfaced":{"success":true}}"#, "'request.headers'"),
        (#"{"id":"a","request":{"method":"POST","url":"https://h/","headers":{},"body":""},"surfaced":{"success":false}}"#, "'surfaced'"),
        (#"{"version":2,"implementation":{"name":"n"}}"#, "protocol version"),
    ])
    func malformedReplies(line: String, field: String) {
        #expect {
            try AdapterReply(line: Array(line.utf8))
        } throws: { error in
            "\(error)".contains(field) && !"\(error)".contains("secret")
        }
    }

    @Test("A Swift adapter's reply line parses back to the same outcome")
    func replyRoundTrip() throws {
        let body = RequestBody(members: ["Username": .string("\u{E9}")]).jsonText(for: .adminUpdateAuthEventFeedback)
        let request = SigV4.sign(WireRequest(.adminUpdateAuthEventFeedback, body: body), host: "h.example",
                                 credentials: .test, region: "us-east-1")
        let sent = SentRequest(request: request, host: "h.example",
                               surfaced: .error("UserNotFoundException"))
        for reply in [AdapterReply.outcome(id: "i", .sent(sent)), .outcome(id: "i", .rejected), .outcome(id: "i", .unsupported("u")),
                      .failed(id: "i", message: "m"), .started(AdapterImplementation(name: "n", version: "1"))] {
            #expect(try AdapterReply(line: reply.jsonLine(endpoint: "https://h.example")) == reply.sortingHeaders)
        }
    }
}

/// Header fields travel as a JSON object: parsed back, they come sorted by name.
extension HeaderFields {
    var sorted: HeaderFields { HeaderFields(fields.sorted { $0.name < $1.name }) }
}

extension AdapterCommand {
    var sortingHeaders: AdapterCommand {
        guard case .run(var run) = self else { return self }
        run.response.headers = run.response.headers.sorted
        return .run(run)
    }
}

extension AdapterReply {
    var sortingHeaders: AdapterReply {
        guard case .outcome(let id, .sent(var sent)) = self else { return self }
        sent.request.headers = sent.request.headers.sorted
        return .outcome(id: id, .sent(sent))
    }
}
