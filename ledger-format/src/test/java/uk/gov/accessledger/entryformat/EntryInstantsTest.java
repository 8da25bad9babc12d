package uk.gov.accessledger.entryformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryInstantsTest {

    @Test
    void writesInstantsWithMillisecondsEvenWhenTheyAreZero() {
        assertThat(EntryInstants.format(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000Z");
        assertThat(EntryInstants.format(Instant.parse("2026-01-02T03:04:05.123456Z")))
                .isEqualTo("2026-01-02T03:04:05.123Z");
    }

    @Test
    void writesEveryInstantAsTheJdkFormatterDoes() {
        DateTimeFormatter jdk = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        Random random = new Random(42);
        List<Instant> instants = new ArrayList<>(List.of(Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("0000-01-01T00:00:00Z").minusNanos(1), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.999Z"), Instant.EPOCH,
                Instant.parse("2024-02-29T12:00:00.001Z")));
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 260_000_000_000L),
                    random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertThat(EntryInstants.format(instant)).as("%s", instant).isEqualTo(jdk.format(instant));
        }
    }

    @Test
    void readsItsOwnInstantsBackAndOtherTextAsInstantParseDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            assertThat(EntryInstants.parse(EntryInstants.format(instant))).isEqualTo(instant);
        }
        for (String text : List.of("2026-11-25T09:31:02.250Z", "2026-11-25T09:31:02Z", "2026-11-25T09:31:02.25Z",
                "2026-11-25T23:59:60.000Z", "+12026-11-25T09:31:02.250Z", "2026-11-25T09:31:02.250000Z")) {
            assertThat(EntryInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : List.of("2026-02-30T09:31:02.250Z", "2026-13-25T09:31:02.250Z", "2026-11-25T24:31:02.250Z",
                "2026-11-25T09:31:02.2x0Z", "2026-11-25 09:31:02.250Z", "2026-11-25T09:31:02.250+", "",
                "-026-11-25T09:31:02.250Z")) {
            assertThatThrownBy(() -> EntryInstants.parse(text)).as(text)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
