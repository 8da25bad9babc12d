package uk.gov.accessledger.subject;

/** A citizen identifier that is missing or malformed; {@link #field()} names the bad part. */
public final class InvalidIdentifierException extends IllegalArgumentException {

    private final String field;

    InvalidIdentifierException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** {@code scheme} or {@code id}. */
    public String field() {
        return field;
    }

    public String problem() {
        return getMessage().substring(field.length() + 1);
    }
}
