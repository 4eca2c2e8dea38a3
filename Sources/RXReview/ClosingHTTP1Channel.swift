import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 channel, with requests that do not ask to keep their connection
/// marked `Connection: close` before Hummingbird sees them (issue 21, item 6). Hummingbird
/// closes a connection only for the exact header `Connection: close`: the request's version is
/// lost when NIO's request head becomes an `HTTPRequest`, so an HTTP/1.0 request without
/// `Connection: keep-alive` (or an HTTP/1.1 one with `Connection: Close`) was kept open until
/// the idle timeout.
struct ClosingHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = HTTP1Channel.Value
    let http1: HTTP1Channel

    var responder: HTTPChannelHandler.Responder { http1.responder }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            // Right after NIO's decoder, where the head still knows its version.
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(KeepAliveHeader(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// `.http1(configuration:)` whose connections close after a request that asked for it.
    static func closingHTTP1(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        .init { responder in
            ClosingHTTP1Channel(http1: HTTP1Channel(responder: responder, configuration: configuration))
        }
    }
}

/// Writes NIO's keep-alive reading of a request head (its version, and every token of its
/// `Connection` header, in any case) as the one header Hummingbird reads.
final class KeepAliveHeader: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), !head.isKeepAlive else {
            return context.fireChannelRead(data)
        }
        head.headers.replaceOrAdd(name: "Connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
