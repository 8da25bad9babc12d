package uk.gov.accessledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.springframework.http.MediaType;
import uk.gov.accessledger.api.problem.ProblemType;
import uk.gov.accessledger.api.problem.Problems;

/**
 * Gives a problem body to the answer Reactor Netty sends itself when it cannot decode a request
 * (a request line or header section over the limits, or bytes that are not HTTP): 414, 431 or
 * 400, which it sends empty, with {@code Connection: close}, before any of the application runs.
 *
 * <p>Sits between the HTTP codec and Reactor Netty's traffic handler: it sees each decoded request
 * on the way in and each response on the way out. Only a bodiless answer that follows a request
 * whose decoding failed is rewritten; every other message passes untouched. One instance per
 * connection, used only on its event loop.
 */
final class DecodingFailureProblems extends ChannelDuplexHandler {

    static final String NAME = "ledger.decodingFailureProblems";

    private final ObjectMapper mapper;
    private final int maxRequestLine;
    private final long maxHeaderBytes;

    /** Whether a request on this connection failed to decode; the connection closes after its answer. */
    private boolean decodingFailed;

    DecodingFailureProblems(ObjectMapper mapper, int maxRequestLine, long maxHeaderBytes) {
        this.mapper = mapper;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()) {
            decodingFailed = true;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (decodingFailed && msg instanceof FullHttpResponse response && response.content().readableBytes() == 0) {
            ProblemType type = switch (response.status().code()) {
                case 414 -> ProblemType.URI_TOO_LONG;
                case 431 -> ProblemType.HEADERS_TOO_LARGE;
                case 400 -> ProblemType.MALFORMED_REQUEST;
                default -> null;
            };
            if (type != null) {
                ctx.write(withProblem(response, type), promise);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    private FullHttpResponse withProblem(FullHttpResponse empty, ProblemType type) {
        String detail = switch (type) {
            case URI_TOO_LONG -> "the request line is longer than " + maxRequestLine + " bytes";
            case HEADERS_TOO_LARGE -> "the request's header fields are larger than " + maxHeaderBytes + " bytes";
            default -> "the request is not well-formed HTTP/1.1";
        };
        byte[] body = Problems.json(mapper, type, detail, null);
        FullHttpResponse problem = new DefaultFullHttpResponse(empty.protocolVersion(), empty.status(),
                Unpooled.wrappedBuffer(body));
        problem.headers().set(empty.headers())
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        empty.release();
        return problem;
    }
}
