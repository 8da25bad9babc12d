package uk.gov.accessledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
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
        assertThat(new String(canonical, StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
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
                StandardCharsets.UTF_8);
        assertThat(first).doesNotContain("\"prev\"").contains("\"seq\":0");
    }
}
