package uk.gov.accessledger.api.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Query and path parameters as a fuzzer sends them: limits of -1, 0 and 2^63, non-numbers, cursor
 * garbage, dates with extreme years, unknown and repeated parameters, bad UUID forms, tile paths
 * whose index overflows.
 */
final class ParameterMutations {

    private ParameterMutations() {
    }

    /** One query parameter as sent; {@code raw} sends the value without percent-encoding. */
    record Param(String name, String value, boolean raw) {
        String encoded() {
            return encode(name) + (value == null ? "" : "=" + (raw ? value : encode(value)));
        }

        @Override
        public String toString() {
            return encoded();
        }
    }

    static String query(List<Param> params) {
        StringBuilder q = new StringBuilder();
        for (Param p : params) {
            q.append(q.isEmpty() ? "?" : "&").append(p.encoded());
        }
        return q.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static final List<String> NUMBERS = List.of("-1", "0", "1", "2", "3", "20", "100", "101", "2147483647",
            "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e2", "01", " 5",
            "5 ", "", "abc", "0x10", "５", "1.0", "+3", "-0", "9".repeat(1001), "NaN", "null");

    static final List<String> DAYS = List.of("2019-03-01", "2023-12-31", "2024-01-01", "2025-06-15", "2026-11-25",
            "2099-12-31", "-999999999-01-01", "+999999999-12-31", "+292278994-08-17", "-292275055-05-16",
            "0000-01-01", "-0001-12-31", "+10000-01-01", "9999-12-31", "1970-01-01", "2026-02-30", "2026-1-1",
            "2026-01-01T00:00:00Z", "", " ", "yesterday", "２０２６-01-01");

    static final List<String> CURSOR_GARBAGE = List.of("!!!", "", "=", "Yw", "%00", "a".repeat(3000),
            cursor("c1:-1"), cursor("c1:9223372036854775807"), cursor("c1:99999999999999999999"), cursor("c2:1"),
            cursor("c1:1\u0000"), cursor("c1:"), cursor("c1: 1"), cursor("c1:+1"), "-1", "0", "1",
            "9223372036854775807", "YzE6MQ==", "YzE6MQ");

    static final List<String> ODD_NAMES = List.of("a/b", "LIMIT", "limit[]", "", "unknown", "after", "~1",
            "__proto__", "limit ", "cursor\u0000");

    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "\u0000", "\ud800", "' OR 1=1 --", "%", "a".repeat(3000),
                "../..", "😀"), Arbitraries.strings().ofMaxLength(12));
    }

    /** Values for a named parameter: mostly meaningful ones, sometimes anything. */
    static Arbitrary<String> valueFor(String name, List<String> validCursors) {
        Arbitrary<String> specific = switch (name) {
            case "limit" -> Arbitraries.of(NUMBERS);
            case "cursor" -> validCursors.isEmpty() ? Arbitraries.of(CURSOR_GARBAGE)
                    : Arbitraries.oneOf(Arbitraries.of(validCursors), Arbitraries.of(CURSOR_GARBAGE));
            case "from", "to" -> Arbitraries.of(DAYS);
            case "organisation" -> Arbitraries.of("nhs-gp-riverside", "dwp", "hmrc", "unknown", "NHS-GP-RIVERSIDE");
            case "service" -> Arbitraries.of("gp-riverside-patient-record", "dwp-universal-credit", "x");
            case "purpose" -> Arbitraries.of("al:DirectCare", "al:BenefitEligibility", "x", "al:DirectCare'");
            case "legalBasis" -> Arbitraries.of("ukgdpr:9.2.h", "ukgdpr:6.1.e", "x");
            case "action" -> Arbitraries.of("dpv:Consult", "dpv:Use", "dpv:Collect", "zz");
            case "kind" -> Arbitraries.of("access", "concern", "correction", "sharing-decision", "ACCESS", "x");
            case "policyException" -> Arbitraries.of("true", "false", "TRUE", "1", "");
            default -> Arbitraries.of(NUMBERS);
        };
        return Arbitraries.frequencyOf(Tuple.of(5, specific), Tuple.of(1, texts()));
    }

    /** A list of parameters, names from {@code known} (mostly) or odd ones, repeats allowed. */
    static Arbitrary<List<Param>> params(List<String> known, List<String> validCursors) {
        Arbitrary<String> names = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(known)),
                Tuple.of(1, Arbitraries.of(ODD_NAMES)));
        Arbitrary<Param> param = names.flatMap(name -> Combinators.combine(valueFor(name, validCursors),
                Arbitraries.of(false, false, false, true)).as((value, raw) -> new Param(name,
                value, raw && value.chars().allMatch(c -> c > 0x20 && c < 0x7f && "#&%+ ".indexOf(c) < 0))));
        return param.list().ofMinSize(0).ofMaxSize(4);
    }

    static final List<String> ACCEPTS = List.of("(((", "text/html", "application/xml", "", "*/*;q=0",
            "text/event-stream", "application/json;q=0", "application/problem+json", "*/*", "text/plain",
            "application/octet-stream");

    /** Path ids: UUID forms a strict parser must refuse, and odd segments. */
    static final List<String> ID_GARBAGE = List.of("0-0-0-0-1", "+0-0-0-0-1", "00000000-0000-0000-0000-000000000000",
            "3f2504e0-4f89-41d3-9a0c-305e82c3301", "3f2504e04f8941d39a0c0305e82c3301", "%7B0-0-0-0-1%7D", "%20",
            "..", "%2e%2e", "a".repeat(3000), "null", "-1", "%00", "%F0%9F%98%80", "%ED%A0%80");

    /** Tile levels, including ones whose level times 8 reaches or passes 64 bits. */
    static final List<String> LEVELS = List.of("0", "1", "2", "7", "8", "9", "63", "64", "255", "256", "-1", "00",
            "x0", "entries", "01");

    /** Tile indexes in C2SP path form (and bad forms): the caller adds the level prefix. */
    static Arbitrary<String> tileIndexes() {
        Arbitrary<String> canonical = Arbitraries.longs().between(0, 3).map(ParameterMutations::tileIndex);
        Arbitrary<String> big = Arbitraries.longs().between(1, Long.MAX_VALUE).map(ParameterMutations::tileIndex);
        Arbitrary<String> overflowing = Arbitraries.of("x072/x057/x594/x037/x927/936",
                "x018/x446/x744/x073/x709/x551/616", "x009/x223/x372/x036/x854/x775/808",
                "x999/x999/x999/x999/x999/x999/999", "x000/000", "x000/x000/001");
        Arbitrary<String> bad = Arbitraries.of("0", "00", "0000", "-01", "x000", "abc", "001/", "x1/000", "", "..",
                "000/000", "+00", "%30%30%30", "00a");
        return Arbitraries.frequencyOf(Tuple.of(4, canonical), Tuple.of(2, big), Tuple.of(2, overflowing),
                Tuple.of(2, bad));
    }

    /** Partial-tile suffixes: mostly none, then widths in and out of 1..255. */
    static Arbitrary<String> widths() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")), Tuple.of(3, Arbitraries.of(".p/1",
                ".p/2", ".p/255", ".p/256", ".p/0", ".p/-1", ".p/01", ".p/x", ".p/", ".p/9999999999")));
    }

    /** C2SP tlog-tiles: N in groups of three digits, all but the last prefixed "x". */
    static String tileIndex(long n) {
        String digits = Long.toString(n);
        while (digits.length() % 3 != 0) {
            digits = "0" + digits;
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < digits.length(); i += 3) {
            groups.add((i + 3 < digits.length() ? "x" : "") + digits.substring(i, i + 3));
        }
        return String.join("/", groups);
    }
}
