package uk.gov.accessledger.api.problem;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.AxonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Turns every failure into a problem. Client errors name their field; anything unexpected is a
 * 500 whose detail says nothing about the request and carries a reference to the log line.
 */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, ServerWebExchange exchange) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.type().status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return response.body(Problems.body(e.type(), e.getMessage(), e.errors(), path(exchange)));
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<ProblemDetail> mediaType(UnsupportedMediaTypeStatusException e, ServerWebExchange exchange) {
        // The raw header, not the parsed one: parsing a malformed Content-Type throws.
        String got = exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        String detail = got == null ? "the request has no Content-Type; send application/json"
                : got.length() <= 100 && got.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                ? "Content-Type " + got + " is not supported; send application/json"
                : "this Content-Type is not supported; send application/json";
        return problem(new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail,
                List.of(new FieldError(FieldError.WHOLE_DOCUMENT, "header Content-Type must be application/json"))), exchange);
    }

    /** The firewall checks query parameter names only when they are read, so it can throw here. */
    @ExceptionHandler(ServerExchangeRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ServerExchangeRejectedException e, ServerWebExchange exchange) {
        return problem(new ProblemException(ProblemType.MALFORMED_REQUEST,
                "the request's path, parameters or headers hold characters that are not allowed", List.of()), exchange);
    }

    @ExceptionHandler(NotAcceptableStatusException.class)
    ResponseEntity<ProblemDetail> notAcceptable(NotAcceptableStatusException e, ServerWebExchange exchange) {
        return problem(new ProblemException(ProblemType.NOT_ACCEPTABLE,
                "this resource is available as application/json", List.of()), exchange);
    }

    @ExceptionHandler(MethodNotAllowedException.class)
    ResponseEntity<ProblemDetail> method(MethodNotAllowedException e, ServerWebExchange exchange) {
        return problem(new ProblemException(ProblemType.METHOD_NOT_ALLOWED,
                e.getHttpMethod() + " is not allowed here; allowed: " + e.getSupportedMethods(), List.of()), exchange);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> input(ServerWebInputException e, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class)) {
            return problem(new ProblemException(ProblemType.BODY_TOO_LARGE,
                    "the request body is larger than the limit of this endpoint", List.of()), exchange);
        }
        if (e instanceof WebExchangeBindException
                || e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                && !(e.getCause() instanceof DecodingException)) {
            String name = e.getMethodParameter() == null ? "" : e.getMethodParameter().getParameterName();
            return problem(ProblemException.invalid(List.of(FieldError.parameter(name, "has an invalid value"))), exchange);
        }
        return problem(new ProblemException(ProblemType.MALFORMED_JSON, "the request body could not be read",
                List.of(new FieldError(FieldError.WHOLE_DOCUMENT, "is not a JSON document"))), exchange);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e, ServerWebExchange exchange) {
        return problem(new ProblemException(ProblemType.BODY_TOO_LARGE,
                "the request body is larger than the limit of this endpoint", List.of()), exchange);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e,
                                         ServerWebExchange exchange) {
        int status = e.getStatusCode().value();
        if (status == 413) {
            return tooLarge(null, exchange);
        }
        if (status == 404) {
            return problem(ProblemException.notFound("no resource at this path"), exchange);
        }
        if (status == 400) {
            return problem(new ProblemException(ProblemType.MALFORMED_REQUEST, "the request could not be read",
                    List.of()), exchange);
        }
        return unexpected(e, exchange);
    }

    /**
     * A lost or refused database connection is the database's fault, not the request's: 503 with
     * Retry-After. Any other data access failure is unexpected.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, AxonException.class, SQLException.class})
    ResponseEntity<ProblemDetail> databaseFault(Exception e, ServerWebExchange exchange) {
        if (!DatabaseFaults.unavailable(e)) {
            return unexpected(e, exchange);
        }
        log.warn("database unavailable request={} cause={}", exchange.getRequest().getId(), e.getClass().getSimpleName());
        return problem(DatabaseFaults.problem(), exchange);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        String id = exchange.getRequest().getId();
        // The plain citizen identifier is pseudonymised before any layer that could throw here,
        // so the exception chain carries pseudonyms and codes only.
        log.error("unexpected failure request={}", id, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "unexpected failure; reference " + id);
        problem.setType(URI.create("urn:access-ledger:problem:internal"));
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }
}
