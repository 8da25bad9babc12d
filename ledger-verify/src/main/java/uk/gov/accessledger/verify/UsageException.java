package uk.gov.accessledger.verify;

/** The command line, or a file it names, cannot be used; the message says why. Exit status 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
