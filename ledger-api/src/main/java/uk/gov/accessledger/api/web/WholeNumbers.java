package uk.gov.accessledger.api.web;

import java.util.regex.Pattern;

/**
 * Whole numbers in URLs, in one form only: ASCII digits, no sign, no leading zero, at most 18
 * digits (so every one fits a {@code long}). {@code Long.parseLong} also takes "+5", "05" and
 * other scripts' digits ("５"), which would give one number many spellings.
 */
public final class WholeNumbers {

    private static final Pattern CANONICAL = Pattern.compile("0|[1-9][0-9]{0,17}");

    private WholeNumbers() {
    }

    /** The number {@code text} spells; throws {@link NumberFormatException} for any other form. */
    public static long parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new NumberFormatException("not a whole number in canonical form");
        }
        return Long.parseLong(text);
    }
}
