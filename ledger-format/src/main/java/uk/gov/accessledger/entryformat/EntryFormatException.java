package uk.gov.accessledger.entryformat;

/**
 * Bytes claiming to be a format 2 leaf, a content opening or a tombstone are not one
 * (docs/entry-format.md). The message names the format, the problem and the RFC 6901 JSON
 * Pointer of the fault: {@code couldn't parse format 2 leaf: unknown member at /id}.
 *
 * <p>Like {@link NumberFormatException}, it is an {@link IllegalArgumentException}: the input was
 * unacceptable.
 */
public final class EntryFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String format;
    private final String problem;
    private final String pointer;

    EntryFormatException(String format, String problem, String pointer) {
        super("couldn't parse " + format + ": " + problem + " at " + (pointer.isEmpty() ? "(root)" : pointer));
        this.format = format;
        this.problem = problem;
        this.pointer = pointer;
    }

    /** What was being parsed, such as {@code "format 2 leaf"}. */
    public String format() {
        return format;
    }

    /** What was wrong, without the location, such as {@code "unknown member"}. */
    public String problem() {
        return problem;
    }

    /** The RFC 6901 JSON Pointer of the value at fault; "" for the whole input. */
    public String pointer() {
        return pointer;
    }
}
