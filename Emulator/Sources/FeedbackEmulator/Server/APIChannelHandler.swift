import Foundation
import NIOCore
import NIOHTTP1

/// Answers the API's requests (``FeedbackAPI/serves(_:)``) on the
/// connection's event loop, as their parts arrive from NIO's HTTP/1 decoder,
/// and passes every other request on, untouched, to Hummingbird.
///
/// Answering here saves each API request Hummingbird's conversion of its
/// head to HTTP types and two hops between the event loop and Swift
/// Concurrency's threads (the request into a task, the answer back); the
/// answers are the same bytes. NIO's pipelining handler, before this one,
/// holds a connection's next request until this one's answer is written, so
/// answers keep the order of pipelined requests (also when latency is
/// injected), and it closes the connection after the answer in flight when
/// the server shuts down.
final class APIChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let api: FeedbackAPI
    /// Where the current request's parts go.
    private var state = State.idle
    private var date = HTTPDate()

    private enum State {
        /// Between requests.
        case idle
        /// An API request: its head, its body so far (`nil` before the first
        /// part) and the body's size (once larger than the limit, the rest is
        /// read and dropped).
        case answering(HTTPRequestHead, body: ByteBuffer?, size: Int)
        /// Another request: its parts go on to Hummingbird.
        case passing
    }

    init(api: FeedbackAPI) {
        self.api = api
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch (unwrapInboundIn(data), state) {
        case (.head(let head), .idle):
            if FeedbackAPI.serves(head) {
                state = .answering(head, body: nil, size: 0)
                if Self.expectsContinue(head) {
                    // A client that waits for leave to send the body (curl does, for larger bodies) gets it at once.
                    context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))),
                                          promise: nil)
                }
            } else {
                state = .passing
                context.fireChannelRead(data)
            }
        case (.body(let chunk), .answering(let head, var body, let size)):
            state = .idle  // the enum lets go of the buffer, so appending to it copies nothing
            let (sum, overflow) = size.addingReportingOverflow(chunk.readableBytes)
            let total = overflow ? .max : sum
            if total > api.maximumBodyBytes {
                body = nil
            } else if body == nil {
                body = chunk
            } else {
                body!.writeImmutableBuffer(chunk)
            }
            state = .answering(head, body: body, size: total)
        case (.end, .answering(let head, let body, let size)):
            state = .idle
            answer(head, body: size > api.maximumBodyBytes ? nil : body ?? ByteBuffer(), context: context)
        case (let part, .passing):
            if case .end = part { state = .idle }
            context.fireChannelRead(data)
        default:
            // NIO's HTTP decoder sends head, body, end in order; anything else is a decoder defect.
            preconditionFailure("HTTP part out of order")  // the part itself may hold a secret: never printed
        }
    }

    /// Answers the request now, or after the injected latency.
    private func answer(_ head: HTTPRequestHead, body: ByteBuffer?, context: ChannelHandlerContext) {
        guard let latency = api.faults.latency else {
            write(api.answer(head, body: body), to: head, context: context)
            return
        }
        context.eventLoop.assumeIsolated().scheduleTask(in: latency) {
            self.write(self.api.answer(head, body: body), to: head, context: context)
        }
    }

    /// Whether the request says `Expect: 100-continue` (RFC 9110 §10.1.1;
    /// the token is case-insensitive).
    private static func expectsContinue(_ head: HTTPRequestHead) -> Bool {
        head.headers["Expect"].contains { $0.utf8.elementsEqual("100-continue".utf8) { $0 | 0x20 == $1 | 0x20 } }
    }

    private func write(_ answer: APIAnswer, to request: HTTPRequestHead, context: ChannelHandlerContext) {
        let headers = answer.headers(requestId: RequestId.next(),
                                     date: date.value(at: Int64(Date().timeIntervalSince1970.rounded(.down))))
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: answer.status,
                                                             headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(answer.body))), promise: nil)
        if request.isKeepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        }
    }
}
