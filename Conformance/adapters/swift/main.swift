// feedback-swift-adapter: the client adapter over this project's own Swift
// client (`RequestEncoder`, `ResponseDecoder` of the FeedbackClient module).
// It speaks the protocol of Conformance/PROTOCOL.md on standard input and
// output.
//
//     swift run feedback-swift-adapter [--lint]
//
// `--lint` rejects requests the rules engine finds invalid before encoding
// them ("lints locally"); without it every request is sent, as Smithy
// clients do.
import FeedbackAdapterProtocol
import FeedbackClient
import FeedbackRules
import FeedbackSystem
import FeedbackWire
import Foundation

let lints = CommandLine.arguments.dropFirst().contains("--lint")
var encoder: RequestEncoder?
var endpoint = ""

/// Writes one reply line; a runner that stopped reading ends the adapter.
@MainActor func reply(_ reply: AdapterReply) {
    let written = reply.jsonLine(endpoint: endpoint).withUnsafeBytes { line in Result { () throws(SystemError) in try System.writeAll(1, line) } }
    if case .failure = written { exit(1) }
}

while let line = readLine(strippingNewline: true) {
    let command: AdapterCommand
    do { command = try AdapterCommand(line: Array(line.utf8)) } catch {
        reply(.failed(id: nil, message: "unusable command: \(error)"))
        continue
    }
    switch command {
    case .start(let start):
        guard let url = URLComponents(string: start.endpoint), let host = url.host else {
            reply(.failed(id: nil, message: "the endpoint is not a URL"))
            continue
        }
        endpoint = start.endpoint.hasSuffix("/") ? String(start.endpoint.dropLast()) : start.endpoint
        encoder = RequestEncoder(host: WireRequest.hostHeader(scheme: url.scheme ?? "https", host: host, port: url.port),
                                 region: start.region, credentials: start.credentials)
        reply(.started(AdapterImplementation(
            name: "cognito-feedback RequestEncoder" + (lints ? " (--lint)" : ""), version: "1.0", language: "swift",
            extra: ["homepage": "Sources/FeedbackClient/RequestEncoder.swift"])))
    case .run(let run):
        guard let encoder else {
            reply(.failed(id: run.id, message: "run before start"))
            continue
        }
        if lints && !run.operation.validate({ run.parameters[$0].map(MemberValue.string) ?? .absent }).isValid {
            reply(.outcome(id: run.id, .rejected))
            continue
        }
        let request = encoder.encode(run.operation, parameters: run.parameters)
        let surfaced: Surfaced
        do throws(ServiceErrorResponse) {
            try ResponseDecoder.decode(run.response)
            surfaced = .success
        } catch {
            surfaced = .error(error.type)
        }
        reply(.outcome(id: run.id, .sent(SentRequest(request: request, host: encoder.host, surfaced: surfaced))))
    case .stop:
        exit(0)
    }
}
