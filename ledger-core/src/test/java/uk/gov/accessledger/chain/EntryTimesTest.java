package uk.gov.accessledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryTimesTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-25T09:30:00Z, 2026-11-25T09:30:00Z",
            "2026-11-25T09:30:00.5Z, 2026-11-25T09:30:00.500Z",
            "2026-11-25T09:30:00.123456789Z, 2026-11-25T09:30:00.123456789Z",
            "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
            "0000-01-01T00:00:00Z, 0000-01-01T00:00:00Z"})
    void readsTheOneInstantForm(String text, String expected) {
        assertThat(EntryTimes.parseInstant(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T09:30:00.Z", "2026-11-25t09:30:00z", "2026-11-25T09:30:00+00:00",
            "2026-11-25T09:30:00-00:00", "2026-11-25 09:30:00Z", "2026-11-25T09:30Z", "2026-11-25T09:30:60Z",
            "2026-11-25T24:00:00Z", "2026-02-29T09:30:00Z", "2026-13-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "2026-11-25T09:30:00.1234567891Z", "2026-11-25T09:30:00Z ",
            "\u0662026-11-25T09:30:00Z", "2026-11-25T09:30:00", ""})
    void refusesEveryOtherInstantForm(String text) {
        assertThat(EntryTimes.parseInstant(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-1-5", "+999999999-12-31", "10000-01-01", "2026-02-30", "2026-11-25Z", "20261125",
            "2026-11-25T00:00:00Z", " 2026-11-25"})
    void refusesEveryOtherDateForm(String text) {
        assertThat(EntryTimes.parseDate(text)).isEmpty();
    }

    @Test
    void boundsAreTheEpochAndTheLastFourDigitYear() {
        assertThat(EntryTimes.parseDate("2027-01-31")).contains(LocalDate.of(2027, 1, 31));
        assertThat(EntryTimes.inRange(LocalDate.of(1970, 1, 1))).isTrue();
        assertThat(EntryTimes.inRange(LocalDate.of(1969, 12, 31))).isFalse();
        assertThat(EntryTimes.inRange(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(EntryTimes.inRange(Instant.parse("1969-12-31T23:59:59.999Z"))).isFalse();
        assertThat(EntryTimes.inRange(Instant.parse("9999-12-31T23:59:59.999Z"))).isTrue();
        assertThat(EntryTimes.inRange(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
    }
}
