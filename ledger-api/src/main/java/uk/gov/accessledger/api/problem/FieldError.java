package uk.gov.accessledger.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with one field: {@code pointer} is an RFC 6901 JSON Pointer into the request body,
 * or {@code parameter} names a query parameter (RFC 9457 section 3 shows both styles).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String pointer, String parameter, String detail) {

    public FieldError(String pointer, String detail) {
        this(pointer, null, detail);
    }

    public static FieldError parameter(String name, String detail) {
        return new FieldError(null, name, detail);
    }

    /** The pointer or parameter this error is about. */
    public String field() {
        return pointer != null ? pointer : parameter;
    }
}
