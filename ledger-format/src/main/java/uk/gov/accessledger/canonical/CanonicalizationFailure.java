package uk.gov.accessledger.canonical;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Carries a problem out of the recursive reader and writer, collecting the path on the way up so
 * the happy path never tracks one. Converted to {@link CanonicalJsonException} at the API edge.
 */
final class CanonicalizationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final Deque<String> path = new ArrayDeque<>();

    CanonicalizationFailure(String problem) {
        super(problem, null, false, false);
        this.problem = problem;
    }

    /** Prepends the property name or array index under which the failure happened. */
    CanonicalizationFailure under(String segment) {
        path.addFirst(segment);
        return this;
    }

    CanonicalizationFailure under(int index) {
        return under(Integer.toString(index));
    }

    CanonicalJsonException toException() {
        StringBuilder pointer = new StringBuilder();
        for (String segment : path) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return new CanonicalJsonException(problem, pointer.toString(), displayPointer(pointer));
    }

    /** A property name as shown in a message: in quotes, with control characters escaped. */
    static String quoted(String name) {
        return '"' + printable(name.replace("\\", "\\\\").replace("\"", "\\\"")) + '"';
    }

    /** The pointer as shown in a message: the root gets a name, control characters are escaped. */
    private static String displayPointer(CharSequence pointer) {
        return pointer.length() == 0 ? "(root)" : printable(pointer);
    }

    private static String printable(CharSequence text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x20 || ch == 0x7F || Character.isSurrogate(ch) && !isPaired(text, i)) {
                shown.append(String.format("\\u%04x", (int) ch));
            } else {
                shown.append(ch);
            }
        }
        return shown.toString();
    }

    private static boolean isPaired(CharSequence s, int i) {
        char ch = s.charAt(i);
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
