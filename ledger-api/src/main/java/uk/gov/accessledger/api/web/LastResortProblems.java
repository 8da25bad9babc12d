package uk.gov.accessledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.problem.ProblemType;
import uk.gov.accessledger.api.problem.Problems;

/**
 * Renders as a problem every failure that reached no controller advice, or that the advice could
 * not render: a failure in a filter, or an answer the client's {@code Accept} header rules out
 * (a malformed {@code Accept} such as {@code (((} included). The body is written as it is,
 * without content negotiation, since an error has no other representation. Runs before Spring
 * Boot's error handler, which would otherwise answer with its own JSON or an empty body.
 */
final class LastResortProblems implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LastResortProblems.class);

    private final ObjectMapper mapper;

    LastResortProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        HttpStatusCode status = failure instanceof ResponseStatusException e ? e.getStatusCode() : null;
        ProblemType type = status == null ? null : switch (status.value()) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.BODY_TOO_LARGE;
            case 414 -> ProblemType.URI_TOO_LONG;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> ProblemType.HEADERS_TOO_LARGE;
            default -> null;
        };
        if (type == null) {
            String id = exchange.getRequest().getId();
            log.error("unexpected failure outside the handlers request={}", id, failure);
            return Problems.write(exchange, mapper, ProblemType.INTERNAL, "unexpected failure; reference " + id);
        }
        return Problems.write(exchange, mapper, type, detail(type));
    }

    private static String detail(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "no resource at this path";
            case METHOD_NOT_ALLOWED -> "this method is not allowed here";
            case NOT_ACCEPTABLE -> "this resource is available only as the media types it documents;"
                    + " check the Accept header";
            case BODY_TOO_LARGE -> "the request body is larger than the limit of this endpoint";
            case UNSUPPORTED_MEDIA_TYPE -> "the Content-Type of the request is not supported; send application/json";
            default -> "the request could not be read";
        };
    }
}
