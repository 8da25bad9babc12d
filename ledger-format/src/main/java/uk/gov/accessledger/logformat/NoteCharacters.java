package uk.gov.accessledger.logformat;

/**
 * The character rule of c2sp.org/signed-note: notes are valid UTF-8 and contain no ASCII
 * control character other than newline. A Java string is valid UTF-8 exactly when it has no
 * unpaired surrogate, so that is what is checked here.
 */
final class NoteCharacters {

    private NoteCharacters() {}

    /**
     * Returns the index of the first control character other than newline, or of the first
     * unpaired surrogate, in {@code text}; or -1 if there is none.
     */
    static int indexOfForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Describes the character at {@code index} for error messages, such as {@code U+0001}. */
    static String describe(String text, int index) {
        return String.format("U+%04X at offset %d", (int) text.charAt(index), index);
    }
}
