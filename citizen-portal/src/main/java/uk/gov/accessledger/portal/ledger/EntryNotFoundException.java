package uk.gov.accessledger.portal.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** ledger-api has no such entry for this citizen (or it is someone else's: the two look the same). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class EntryNotFoundException extends RuntimeException {

    EntryNotFoundException() {
        super("couldn't find the entry: ledger-api answered 404");
    }
}
