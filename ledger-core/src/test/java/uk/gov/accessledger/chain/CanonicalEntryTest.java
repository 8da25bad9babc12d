package uk.gov.accessledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CanonicalEntryTest {

    static final String SUBJECT = "0f".repeat(32);
    static final byte[] PREV = HexFormat.of().parseHex("ab".repeat(32));

    static AccessDetails emergencyAccess() {
        return new AccessDetails("nhs-trust-riverside", "trust-riverside-emergency-department",
                "Emergency department doctor", null, "dpv:Consult", List.of("pd:HealthRecord", "pd:Prescription"),
                "al:DirectCare", "ukgdpr:9.2.h", null, null, Instant.parse("2026-11-25T09:30:00Z"), true, false,
                null, null);
    }

    static EntryProposal proposal() {
        return new EntryProposal(UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
                Instant.parse("2026-11-25T09:31:02.250Z"), List.of(), "2026-11-25.1");
    }

    @Test
    void encodesAnAccessAsTheDocumentedCanonicalBytes() throws IOException {
        // src/test/resources/chain/access-entry-v1.json was written by hand from docs/entry-format.md:
        // keys sorted, no whitespace, absent optional fields omitted, instants with milliseconds.
        byte[] expected;
        try (InputStream in = getClass().getResourceAsStream("/chain/access-entry-v1.json")) {
            expected = in.readAllBytes();
        }
        byte[] canonical = CanonicalEntry.encode(SUBJECT, 7, PREV, proposal(), emergencyAccess());
        assertThat(new String(canonical, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void hashesTheCanonicalBytesAsAnRfc6962Leaf() throws IOException {
        // Python: hashlib.sha256(b"\x00" + open("access-entry-v1.json", "rb").read()).hexdigest()
        byte[] canonical = CanonicalEntry.encode(SUBJECT, 7, PREV, proposal(), emergencyAccess());
        assertThat(HexFormat.of().formatHex(CanonicalEntry.leafHash(canonical)))
                .isEqualTo("632e006fd8955aefc173c44391661d919f0a45630e8a1339d98f97b3efa965c5");
    }

    @Test
    void omitsPrevForTheFirstEntryOfAChain() {
        String first = new String(CanonicalEntry.encode(SUBJECT, 0, null, proposal(), emergencyAccess()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(first).doesNotContain("\"prev\"").contains("\"seq\":0");
    }

    @Test
    void writesInstantsWithMillisecondsEvenWhenTheyAreZero() {
        assertThat(CanonicalEntry.instant(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000Z");
        assertThat(CanonicalEntry.instant(Instant.parse("2026-01-02T03:04:05.123456Z")))
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
            assertThat(CanonicalEntry.instant(instant)).as("%s", instant).isEqualTo(jdk.format(instant));
        }
    }

    @Test
    void readsItsOwnInstantsBackAndOtherTextAsInstantParseDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            assertThat(CanonicalEntry.parseInstant(CanonicalEntry.instant(instant))).isEqualTo(instant);
        }
        for (String text : List.of("2026-11-25T09:31:02.250Z", "2026-11-25T09:31:02Z", "2026-11-25T09:31:02.25Z",
                "2026-11-25T23:59:60.000Z", "+12026-11-25T09:31:02.250Z", "2026-11-25T09:31:02.250000Z")) {
            assertThat(CanonicalEntry.parseInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : List.of("2026-02-30T09:31:02.250Z", "2026-13-25T09:31:02.250Z", "2026-11-25T24:31:02.250Z",
                "2026-11-25T09:31:02.2x0Z", "2026-11-25 09:31:02.250Z", "2026-11-25T09:31:02.250+", "",
                "-026-11-25T09:31:02.250Z")) {
            assertThatThrownBy(() -> CanonicalEntry.parseInstant(text)).as(text)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
