package uk.gov.accessledger.portal.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** ledger-api could not be reached or failed: the citizen sees "service unavailable". */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class LedgerUnavailableException extends RuntimeException {

    LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
