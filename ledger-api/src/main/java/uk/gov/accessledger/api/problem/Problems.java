package uk.gov.accessledger.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Builds RFC 9457 bodies; shared by the controller advice and the security entry points. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail body(ProblemType type, String detail, List<FieldError> errors, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        problem.setInstance(URI.create(instance));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** Writes a problem straight to the response, for filters that run before any controller. */
    public static Mono<Void> write(ServerWebExchange exchange, ObjectMapper mapper, ProblemType type, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(type.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = json(mapper, type, detail, exchange.getRequest().getPath().value());
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /**
     * The problem's JSON bytes, for layers that write bytes themselves.
     *
     * @param instance the request path, or null when the request could not be read far enough
     */
    public static byte[] json(ObjectMapper mapper, ProblemType type, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.type().toString());
        body.put("title", type.title());
        body.put("status", type.status().value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        try {
            return mapper.writeValueAsBytes(body);
        } catch (Exception e) {
            return ("{\"status\":" + type.status().value() + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
