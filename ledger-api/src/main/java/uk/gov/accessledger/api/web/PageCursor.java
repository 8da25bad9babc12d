package uk.gov.accessledger.api.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The cursor of every paged list (docs/api.md, "Pagination"): opaque to clients, base64url without
 * padding of {@code c1:} and a position, a whole number ({@link WholeNumbers}). Each list says what
 * its position is: a seq in the subject's chain or a {@code ledger_entry} row id.
 */
public final class PageCursor {

    private static final String PREFIX = "c1:";

    private PageCursor() {
    }

    /** Requires {@code position >= 0}. */
    public static String encode(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("couldn't make a cursor: got position " + position + ", want >= 0");
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position {@code cursor} holds; throws {@link IllegalArgumentException} for text no encode gave. */
    public static long decode(String cursor) {
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        if (!decoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a cursor");
        }
        return WholeNumbers.parse(decoded.substring(PREFIX.length())); // NumberFormatException is an IAE
    }
}
