package uk.gov.accessledger.logformat;

/**
 * The rule for signed-note key names (c2sp.org/signed-note, "Format"): non-empty, with no
 * Unicode space and no plus sign.
 */
final class KeyName {

    private KeyName() {}

    /**
     * Whether {@code name} may name a note key. Beyond the spec's rule this also refuses ASCII
     * control characters and unpaired surrogates, which no signed note may contain, so that every
     * valid name can appear in a signature line.
     */
    static boolean isValid(String name) {
        if (name == null || name.isEmpty() || NoteCharacters.indexOfForbidden(name) >= 0) {
            return false;
        }
        return name.codePoints().noneMatch(cp -> cp == '+' || cp == '\n' || isUnicodeSpace(cp));
    }

    /**
     * Whether {@code codePoint} has the Unicode White_Space property, which is what Go's {@code
     * unicode.IsSpace} (used by golang.org/x/mod/sumdb/note) tests: Java's {@link
     * Character#isSpaceChar} covers categories Zs, Zl and Zp, and the rest are the C0 and C1
     * spacing controls.
     */
    static boolean isUnicodeSpace(int codePoint) {
        return (codePoint >= 0x09 && codePoint <= 0x0D)
                || codePoint == 0x85
                || Character.isSpaceChar(codePoint);
    }

    /** Returns {@code name}, having checked {@link #isValid}. */
    static String require(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(
                    "requires a non-empty key name with no spaces, '+' or control characters: got \""
                            + name
                            + "\"");
        }
        return name;
    }
}
