package uk.gov.accessledger.logformat;

/**
 * Thrown when text or bytes claiming to be in one of this package's formats are not.
 *
 * <p>Like {@link NumberFormatException}, it is an {@link IllegalArgumentException}: the input was
 * unacceptable. It names the format and what was wrong, in the form {@code couldn't parse
 * <format>: <problem>}.
 */
public final class LogFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String format;
    private final String problem;

    LogFormatException(String format, String problem) {
        super("couldn't parse " + format + ": " + problem);
        this.format = format;
        this.problem = problem;
    }

    /** The format that was being parsed, such as {@code "checkpoint"} or {@code "tile path"}. */
    public String format() {
        return format;
    }

    /** What was wrong with the input, including what was found where that helps. */
    public String problem() {
        return problem;
    }
}
