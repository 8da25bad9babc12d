package uk.gov.accessledger.api.web;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes the connection after an answer given before the request's body was read to its end: an
 * early error (401, 403, 404, 405, 413, 415, a firewall refusal) to a request that carries a body.
 *
 * <p>RFC 9112 section 9.6: a server that does not read the whole body must close the connection
 * after its response, or the unread bytes would be taken for the next request. Reactor Netty
 * 1.2 does drop them, but a request that arrives on such a connection before the early answer's
 * exchange has ended is queued, and that queue can stop reading the connection: the request was
 * then answered only when the client gave up and closed, and a valid entry could be stored without
 * its acknowledgement. {@code Connection: close} sends the client's next request to a fresh
 * connection instead. Runs first of all filters, so it also covers Spring Security's answers.
 */
final class UnreadBodyClosesConnection implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!hasBody(request.getHeaders())) {
            return chain.filter(exchange);
        }
        AtomicBoolean bodyRead = new AtomicBoolean();
        ServerHttpRequest tracked = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnComplete(() -> bodyRead.set(true));
            }
        };
        exchange.getResponse().beforeCommit(() -> {
            if (!bodyRead.get()) {
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(tracked).build());
    }

    private static boolean hasBody(HttpHeaders headers) {
        String length = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.equals("0") || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}
