package uk.gov.accessledger.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** The problem types this API answers with (documented in docs/api.md). */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "The request has invalid fields"),
    MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "The request body is not valid JSON"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST,
            "The request is not HTTP this server accepts"),
    URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG, "The request line is too long"),
    HEADERS_TOO_LARGE("headers-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            "The request's header fields are too large"),
    BATCH_TOO_LARGE("batch-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "The batch has too many entries"),
    BODY_TOO_LARGE("body-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The request body must be application/json"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "The requested media type is not available"),
    IDEMPOTENCY_CONFLICT("idempotency-conflict", HttpStatus.CONFLICT,
            "An entry with this id was already recorded with different content"),
    UNKNOWN_ENTRY_REFERENCE("unknown-entry-reference", HttpStatus.UNPROCESSABLE_ENTITY,
            "The request refers to an entry that you may not refer to"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication is required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "You may not do this"),
    TOO_MANY_STREAMS("too-many-streams", HttpStatus.TOO_MANY_REQUESTS,
            "You have too many open streams; close one or retry after the given delay"),
    BUSY("busy", HttpStatus.SERVICE_UNAVAILABLE, "The ledger is busy; retry after the given delay"),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    DATABASE_UNAVAILABLE("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "The ledger's database is unavailable; retry after the given delay"),
    LOG_INTEGRITY("log-integrity", HttpStatus.SERVICE_UNAVAILABLE,
            "The log's stored checkpoint does not verify; run the self-audit");

    private final URI type;
    private final HttpStatus status;
    private final String title;

    ProblemType(String name, HttpStatus status, String title) {
        this.type = URI.create("urn:access-ledger:problem:" + name);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
