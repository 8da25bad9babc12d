package uk.gov.accessledger.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerResult;
import org.springframework.web.reactive.HandlerResultHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes {@link ProblemHandler}'s problems as {@code application/problem+json} whatever the
 * request's {@code Accept} says. Spring's own writer negotiates, and when {@code Accept} rules out
 * problem+json (or cannot be parsed, as {@code (((}) it sends the status with an empty body. A
 * problem is not cacheable, whatever headers the failed answer had set before it.
 */
@Component
class ProblemResultHandler implements HandlerResultHandler, Ordered {

    private final ObjectMapper mapper;

    ProblemResultHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean supports(HandlerResult result) {
        return result.getReturnValue() instanceof ResponseEntity<?> entity && entity.getBody() instanceof ProblemDetail;
    }

    @Override
    public Mono<Void> handleResult(ServerWebExchange exchange, HandlerResult result) {
        ResponseEntity<?> entity = (ResponseEntity<?>) result.getReturnValue();
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(entity.getBody());
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(entity.getStatusCode());
        response.getHeaders().clearContentHeaders();
        response.getHeaders().putAll(entity.getHeaders());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** Before Spring's response entity handler (order 0). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
