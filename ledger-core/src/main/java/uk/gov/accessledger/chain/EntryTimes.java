package uk.gov.accessledger.chain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.accessledger.entryformat.EntryInstants;

/**
 * The times an entry may carry, and the one text form of each that requests and queries may use
 * (docs/api.md, "Times and dates"). Every instant or date the ledger stores or filters on lies in
 * [{@link #EARLIEST}, the end of {@link #LATEST_DATE}]: four-digit years, which every database and
 * the canonical form ({@link EntryInstants#format}) hold exactly.
 */
public final class EntryTimes {

    /**
     * The earliest instant an access or decision can have happened: the Unix epoch. No computer
     * audit trail of a citizen's data is older, and earlier is far more likely a mistake (a zero
     * or a sign) than a record.
     */
    public static final Instant EARLIEST = Instant.EPOCH;

    /** {@link #EARLIEST} as a date. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1970, 1, 1);

    /** The latest date an entry or a query may name (review dates, disclose-after dates, filters). */
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    /** RFC 3339 section 5.6 date-time in UTC with upper-case T and Z, 0 to 9 fraction digits. */
    private static final Pattern RFC3339_UTC =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?Z");

    /** RFC 3339 section 5.6 full-date. */
    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private EntryTimes() {
    }

    /**
     * The instant of {@code text} in exactly the form {@code 2026-11-25T09:30:00Z}, optionally
     * with 1 to 9 fraction digits after a point; empty for any other text, for a field out of its
     * calendar range, and for a leap second (:60), which {@link Instant} cannot hold.
     */
    public static Optional<Instant> parseInstant(String text) {
        Matcher m = RFC3339_UTC.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String fraction = m.group(7) == null ? "" : m.group(7);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        try {
            return Optional.of(LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3), number(m, 4),
                    number(m, 5), number(m, 6), nanos).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The date of {@code text} in exactly the form {@code 2027-01-31}; empty otherwise or if no such day. */
    public static Optional<LocalDate> parseDate(String text) {
        Matcher m = FULL_DATE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(number(m, 1), number(m, 2), number(m, 3)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code instant} lies in [{@link #EARLIEST}, the end of {@link #LATEST_DATE}]. */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(LATEST_DATE.plusDays(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC));
    }

    /** Whether {@code date} lies in [{@link #EARLIEST_DATE}, {@link #LATEST_DATE}]. */
    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
