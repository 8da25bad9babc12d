package uk.gov.accessledger.entryformat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as entries write them (docs/entry-format.md): UTC with milliseconds,
 * {@code 2026-11-25T14:03:07.250Z}.
 */
public final class EntryInstants {

    private static final DateTimeFormatter INSTANT_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long YEAR_0 = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long YEAR_10000 = LocalDateTime.of(10_000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private EntryInstants() {
    }

    /**
     * An instant as entries write it, {@code 2026-11-25T14:03:07.250Z}: UTC with millisecond
     * precision, finer digits dropped. Exports write two per row, so years 0000–9999 are written
     * digit by digit; any other year goes through the formatter, which gives it a sign.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return INSTANT_MILLIS.format(instant);
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(text, 0, 4, t.getYear());
        digits(text, 5, 2, t.getMonthValue());
        digits(text, 8, 2, t.getDayOfMonth());
        digits(text, 11, 2, t.getHour());
        digits(text, 14, 2, t.getMinute());
        digits(text, 17, 2, t.getSecond());
        digits(text, 20, 3, instant.getNano() / 1_000_000);
        return new String(text);
    }

    /**
     * The instant an entry wrote as {@code text}; the inverse of {@link #format(Instant)}. Text of
     * exactly that form is read digit by digit; anything else, or a field out of range, is left to
     * {@link Instant#parse}, which accepts or refuses it as always.
     */
    public static Instant parse(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = number(text, 0, 4);
            int month = number(text, 5, 2);
            int day = number(text, 8, 2);
            int hour = number(text, 11, 2);
            int minute = number(text, 14, 2);
            int second = number(text, 17, 2);
            int millis = number(text, 20, 3);
            if ((year | month | day | hour | minute | second | millis) >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                            .toInstant(ZoneOffset.UTC);
                } catch (DateTimeException outOfRange) {
                    // such as 23:59:60, which Instant.parse reads as a leap second
                }
            }
        }
        return Instant.parse(text);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The decimal number of {@code width} ASCII digits at {@code at}, or -1 if one is not a digit. */
    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
