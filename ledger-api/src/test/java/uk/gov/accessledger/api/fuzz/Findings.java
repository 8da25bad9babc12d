package uk.gov.accessledger.api.fuzz;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a case's broken rules go. Normally a case with any broken rule fails its property (jqwik
 * then shrinks it and prints the seed). With {@code -Dfuzz.explore=true} nothing fails: every kind
 * of broken rule is counted with its first reproducing request and listed after each fuzz class, so one run
 * shows every distinct failure instead of stopping at the first (the environment variable
 * {@code FUZZ_EXPLORE=true} does the same, for Surefire's forked JVM).
 */
final class Findings {

    static final boolean EXPLORE = Boolean.getBoolean("fuzz.explore") || "true".equals(System.getenv("FUZZ_EXPLORE"));
    private static final long STARTED = System.nanoTime();

    private static final AtomicLong CASES = new AtomicLong();
    private static final Map<String, Example> SEEN = new TreeMap<>();

    private record Example(String rule, String request, String answer, long[] count) {
    }

    private Findings() {
    }

    /**
     * Counts one case, and fails it when it broke any rule. A rule reads "kind: what", where the
     * kind (the text before the first colon) groups findings in explore mode.
     */
    static void check(Object request, Object answer, List<String> broken) {
        CASES.incrementAndGet();
        if (broken.isEmpty()) {
            return;
        }
        if (!EXPLORE) {
            throw new AssertionError("broken rules " + visible(String.valueOf(broken)) + "\n  request: "
                    + visible(String.valueOf(request)) + "\n  answer: " + visible(String.valueOf(answer)));
        }
        synchronized (SEEN) {
            for (String rule : broken) {
                String kind = (rule.contains(":") ? rule.substring(0, rule.indexOf(':')) : rule) + " @ "
                        + where(request) + " -> " + status(answer);
                SEEN.computeIfAbsent(kind, k -> new Example(rule, String.valueOf(request), String.valueOf(answer),
                        new long[1])).count()[0]++;
            }
        }
    }

    /** Method and path without the query, and for tiles and entry ids only the route. */
    private static String where(Object request) {
        String[] parts = String.valueOf(request).split(" ", 3);
        String target = parts.length < 2 ? parts[0] : parts[0] + " " + parts[1].split("\\?", 2)[0];
        return target.replaceAll("/log/tile/.*", "/log/tile/…").replaceAll("/me/entries/[^/ ]+", "/me/entries/{id}");
    }

    private static String status(Object answer) {
        String text = String.valueOf(answer);
        return text.contains(" ") ? text.substring(0, text.indexOf(' ')) : text;
    }

    static long cases() {
        return CASES.get();
    }

    /** Prints how many cases ran so far, and in explore mode every kind of finding. */
    static void report() {
        System.out.println("[fuzz] " + CASES.get() + " generated cases checked in "
                + (System.nanoTime() - STARTED) / 1_000_000 + " ms since the first fuzz class loaded");
        synchronized (SEEN) {
            SEEN.forEach((kind, e) -> System.out.println("[fuzz] FINDING " + visible(kind) + " x" + e.count()[0]
                    + "\n    rule: " + visible(e.rule()) + "\n    request: " + visible(e.request()) + "\n    answer: "
                    + visible(e.answer())));
        }
    }

    /**
     * The text with control characters and unpaired surrogates as {@code \\uXXXX}: a report line
     * must survive the test runner's output channel, which cuts a line at such a character.
     */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
