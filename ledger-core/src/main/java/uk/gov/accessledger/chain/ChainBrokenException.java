package uk.gov.accessledger.chain;

import java.util.HexFormat;

/**
 * Replaying a subject's chain found a link that does not follow its predecessor: a gap, fork,
 * reorder or edited entry. Carries what was expected and what was found.
 */
public final class ChainBrokenException extends IllegalStateException {

    ChainBrokenException(String subject, long expectedSeq, long foundSeq, byte[] expectedPrev, byte[] foundPrev) {
        super("couldn't replay chain of subject " + subject + ": got seq " + foundSeq + " prev "
                + hex(foundPrev) + ", want seq " + expectedSeq + " prev " + hex(expectedPrev));
    }

    private static String hex(byte[] b) {
        return b == null ? "none" : HexFormat.of().formatHex(b);
    }
}
