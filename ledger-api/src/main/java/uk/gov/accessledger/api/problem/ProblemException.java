package uk.gov.accessledger.api.problem;

import java.time.Duration;
import java.util.List;

/** A request that fails with a problem; thrown by the edges, rendered by {@link ProblemHandler}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, null);
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? (errors.get(0).field().isEmpty() ? "the request body " : errors.get(0).field() + " ")
                        + errors.get(0).detail()
                : errors.size() + " fields are invalid; see errors";
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what, List.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
