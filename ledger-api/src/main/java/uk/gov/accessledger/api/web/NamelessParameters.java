package uk.gov.accessledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.problem.Problems;

/**
 * Refuses a query holding a parameter without a name ({@code ?=} or {@code ?=5}): a 400
 * {@code invalid-request} naming the parameter {@code ""}, as for any parameter the endpoint does
 * not know. Spring's query parser would drop {@code =} and read {@code =5} as a parameter named
 * {@code 5}, so without this such a request was answered as if the pair were not there. An empty
 * pair ({@code ?&}, {@code a=1&&b=2}) holds no parameter (WHATWG URL, form-urlencoded parsing) and
 * passes. Runs after Spring Security, so credentials are checked first, as for other parameters.
 */
final class NamelessParameters implements WebFilter {

    private final ObjectMapper mapper;

    NamelessParameters(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String query = exchange.getRequest().getURI().getRawQuery();
        if (query == null || !hasNamelessPair(query)) {
            return chain.filter(exchange);
        }
        ProblemException problem = ProblemException.invalid(List.of(FieldError.parameter("",
                "is not a known parameter: a parameter must have a name")));
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(Problems.body(problem.type(), problem.getMessage(), problem.errors(),
                    exchange.getRequest().getPath().value()));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(problem.type().status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    static boolean hasNamelessPair(String rawQuery) {
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.startsWith("=")) {
                return true;
            }
        }
        return false;
    }
}
