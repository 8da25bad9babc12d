package uk.gov.accessledger.portal.ledger;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** ledger-api could not be reached or failed: the citizen sees "service unavailable". */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class LedgerUnavailableException extends RuntimeException {

    private final transient Duration retryAfter;

    LedgerUnavailableException(String message, Throwable cause) {
        this(message, cause, null);
    }

    LedgerUnavailableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long ledger-api asked callers to wait (its Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
