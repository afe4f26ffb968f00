import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1.1 child channel with ``APIChannelHandler`` in its
/// pipeline: the API's requests are answered on the event loop, every other
/// request goes on to Hummingbird's responder (``EmulatorResponder``).
///
/// The pipeline is `HTTP1Channel`'s, in its order (NIO's HTTP/1 codec,
/// the HTTP-types codec, Hummingbird's connection state handler, then the
/// responder's async channel), with two changes: the API's handler right
/// after NIO's codec, and NIO's pipelining assistance on, so that a
/// connection's next request waits until the current one's answer is
/// written, whichever of the two answers it, and a graceful shutdown closes
/// each connection after its answer in flight.
struct EmulatorChannel: HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let api: FeedbackAPI

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: true,
                withErrorHandling: false,  // Hummingbird's loop answers a malformed request 400 and closes
                withOutboundHeaderValidation: false,  // HTTP types validate the fields
                withEncoderConfiguration: .init(),
                withDecoderLimitConfiguration: .init())
            try pipeline.addHandler(APIChannelHandler(api: api))
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try pipeline.addHandler(HTTPConnectionStateHandler(idleTimeout: nil, logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel,
                                       configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: value, logger: logger)
    }
}
