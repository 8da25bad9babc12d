package uk.gov.accessledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.reactor.netty.autoconfigure.NettyServerProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import reactor.netty.NettyPipeline;

/** The HTTP edge: problems from Reactor Netty's decoder and from outside the handlers; connection reuse. */
@Configuration(proxyBeanMethods = false)
class HttpEdgeConfig {

    /**
     * Adds {@link DecodingFailureProblems} and {@link ReadAfterResponse} to every HTTP/1.1 connection, between the codec (whose
     * limits are {@code server.netty.max-initial-line-length} and {@code
     * server.max-http-request-header-size}) and Reactor Netty's traffic handler.
     */
    @Bean
    NettyServerCustomizer decodingFailureProblems(ObjectMapper mapper, ServerProperties server,
            NettyServerProperties netty) {
        int maxRequestLine = (int) netty.getMaxInitialLineLength().toBytes();
        DataSize headers = server.getMaxHttpRequestHeaderSize();
        long maxHeaderBytes = headers == null ? DataSize.ofKilobytes(8).toBytes() : headers.toBytes();
        return http -> http.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, DecodingFailureProblems.NAME,
                        new DecodingFailureProblems(mapper, maxRequestLine, maxHeaderBytes));
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, ReadAfterResponse.NAME,
                        new ReadAfterResponse());
            }
        });
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter unreadBodyClosesConnection() {
        return new UnreadBodyClosesConnection();
    }

    /** After Spring Security (a bean filter without an order runs last). */
    @Bean
    WebFilter namelessParameters(ObjectMapper mapper) {
        return new NamelessParameters(mapper);
    }

    /** Right after {@link #unreadBodyClosesConnection()}, before Spring Security. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    StoppingNodeRefusesWrites stoppingNodeRefusesWrites(ObjectMapper mapper) {
        return new StoppingNodeRefusesWrites(mapper);
    }

    /** Before Spring Boot's error handler (order -1). */
    @Bean
    @Order(-2)
    WebExceptionHandler lastResortProblems(ObjectMapper mapper) {
        return new LastResortProblems(mapper);
    }
}
