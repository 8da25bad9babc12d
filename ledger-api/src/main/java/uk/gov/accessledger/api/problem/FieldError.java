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

    /** RFC 6901's pointer to the whole request document ("/" would name a member called ""). */
    public static final String WHOLE_DOCUMENT = "";

    public static FieldError parameter(String name, String detail) {
        return new FieldError(null, name, detail);
    }

    /**
     * The JSON Pointer to member {@code name} of the value at {@code parent} ("" for the root):
     * RFC 6901 section 3 escapes {@code ~} as {@code ~0} and {@code /} as {@code ~1}, so a member
     * named {@code a/b} is {@code /a~1b}, not the path through {@code a} to {@code b}.
     */
    public static String pointer(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer or parameter this error is about. */
    public String field() {
        return pointer != null ? pointer : parameter;
    }
}
