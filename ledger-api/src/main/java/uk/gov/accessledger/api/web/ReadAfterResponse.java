package uk.gov.accessledger.api.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Asks the connection for more bytes once each answer has been written, so a kept-alive
 * connection never stops reading between requests.
 *
 * <p>Reactor Netty 1.2 reads HTTP/1.1 connections on demand: each read is re-armed explicitly when
 * a request's exchange ends. A request that arrives before the previous exchange has ended is
 * queued; if it is then answered at once (a 400, 404 or 406 written while the queue is still being
 * drained), the drain ends without re-arming the read, and the connection's next request is read
 * only when the client gives up and closes it (reactor/reactor-netty#4361, fixed after 1.2.18). An
 * extra read request is harmless: it reads what has arrived, and the traffic handler queues a
 * request that comes early as before.
 */
final class ReadAfterResponse extends ChannelOutboundHandlerAdapter {

    static final String NAME = "ledger.readAfterResponse";

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) {
            ChannelPromise written = promise.unvoid();
            written.addListener(f -> {
                if (f.isSuccess() && ctx.channel().isActive()) {
                    // After the traffic handler's own bookkeeping for this answer has run.
                    ctx.channel().eventLoop().execute(() -> {
                        if (ctx.channel().isActive()) {
                            ctx.read();
                        }
                    });
                }
            });
            super.write(ctx, msg, written);
            return;
        }
        super.write(ctx, msg, promise);
    }
}
