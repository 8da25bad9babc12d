package uk.gov.accessledger.portal.ledger;

/**
 * ledger-api refused the citizen's access token, or the portal could not get a fresh one: the
 * citizen must sign in again. Trying again with the same session will not help.
 */
public class SignInExpiredException extends RuntimeException {

    SignInExpiredException(Throwable cause) {
        super("couldn't use the citizen's sign-in with ledger-api: " + cause.getMessage(), cause);
    }
}
