package uk.gov.accessledger.bundle;

import java.util.Objects;

/**
 * One problem found in a bundle: which check failed, where, and what was expected and found.
 *
 * <p>Bundle content is untrusted, so every string is made printable when the finding is made:
 * control and bidirectional-override characters become {@code \\uXXXX} escapes, and an entry id
 * cannot start a new line or disguise the verdict of the line it is printed in.
 *
 * @param check the check that failed; requires non-null
 * @param file the bundle file at fault, e.g. {@code entries.jsonl}; requires non-null
 * @param line the 1-based line in {@code file}, or 0 when the problem is not on one line
 * @param entryId the id of the entry concerned, or {@code null} when unknown or not about one
 * @param problem what is wrong, in "got X, want Y" form where there is a comparison; requires
 *     non-null
 * @param expected what was expected, or {@code null} where nothing is compared
 * @param found what was found, or {@code null} where nothing is compared
 */
public record Finding(
        BundleCheck check, String file, long line, String entryId, String problem, String expected, String found) {

    /** The most characters of one untrusted value a finding keeps. */
    static final int MAX_VALUE_LENGTH = 200;

    public Finding {
        Objects.requireNonNull(check, "requires a check");
        if (line < 0) {
            throw new IllegalArgumentException("requires line >= 0, got " + line);
        }
        file = printable(Objects.requireNonNull(file, "requires a file"));
        entryId = entryId == null ? null : printable(entryId);
        problem = printable(Objects.requireNonNull(problem, "requires a problem"));
        expected = expected == null ? null : printable(expected);
        found = found == null ? null : printable(found);
    }

    /** A finding with nothing to compare. */
    static Finding of(BundleCheck check, String file, long line, String entryId, String problem) {
        return new Finding(check, file, line, entryId, problem, null, null);
    }

    /** A comparison that failed; the problem reads {@code <what>: got <found>, want <expected>}. */
    static Finding mismatch(
            BundleCheck check, String file, long line, String entryId, String what, String expected, String found) {
        return new Finding(check, file, line, entryId,
                what + ": got " + shorten(found) + ", want " + shorten(expected), expected, found);
    }

    /**
     * The verdict line body: {@code <check>: <file>[:<line>][ entry <id>]: <problem>}, as the CLI
     * prints it after {@code FAIL }.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(check.label()).append(": ").append(file);
        if (line > 0) {
            s.append(':').append(line);
        }
        if (entryId != null) {
            s.append(" entry ").append(entryId);
        }
        return s.append(": ").append(problem).toString();
    }

    static String shorten(String value) {
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "...";
    }

    /** {@code value} with every character that could break or spoof a line of output escaped. */
    static String printable(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unsafe = c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x2028 && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c
                    || Character.isSurrogate(c) && !validSurrogateAt(value, i);
            if (unsafe && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
