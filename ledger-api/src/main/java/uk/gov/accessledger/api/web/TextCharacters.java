package uk.gov.accessledger.api.web;

/**
 * The characters a string in a request may hold (docs/api.md, "Text"): no unpaired surrogate, which
 * is no Unicode character and cannot be written as UTF-8, and no control character (U+0000 to
 * U+001F, U+007F to U+009F), except line feed in free text that may run over lines.
 */
public final class TextCharacters {

    private TextCharacters() {
    }

    /** What is wrong with {@code value}, as a field error's detail, or null if nothing is. */
    public static String problem(String value, boolean lineFeedAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (U+D800 to U+DFFF)";
            } else if (Character.isISOControl(c) && !(lineFeedAllowed && c == '\n')) {
                return lineFeedAllowed
                        ? "must not contain control characters other than line feed (U+000A)"
                        : "must not contain control characters (U+0000 to U+001F, U+007F to U+009F)";
            }
        }
        return null;
    }

    /** Whether {@code value} holds an unpaired surrogate. */
    public static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
