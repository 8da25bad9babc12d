package uk.gov.accessledger.portal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/** The server-side checks behind "Is this record genuine?", against the entry-format test vector. */
class GenuinenessCheckTest {

    /** ledger-core/src/test/resources/chain/access-entry-v1.json, whose leaf hash docs/entry-format.md gives. */
    static final String VECTOR = "{\"action\":\"dpv:Consult\",\"bulk\":false,\"dataCategories\":[\"pd:HealthRecord\","
            + "\"pd:Prescription\"],\"emergency\":true,\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"kind\":"
            + "\"access\",\"legalBasis\":\"ukgdpr:9.2.h\",\"occurredAt\":\"2026-11-25T09:30:00.000Z\",\"organisation\":"
            + "\"nhs-trust-riverside\",\"policyExceptions\":[],\"prev\":\"" + "ab".repeat(32) + "\",\"purpose\":"
            + "\"al:DirectCare\",\"recordedAt\":\"2026-11-25T09:31:02.250Z\",\"referenceData\":\"2026-11-25.1\","
            + "\"seq\":7,\"service\":\"trust-riverside-emergency-department\",\"staffRole\":"
            + "\"Emergency department doctor\",\"subject\":\"" + "0f".repeat(32) + "\",\"v\":1}";
    static final String LEAF = "632e006fd8955aefc173c44391661d919f0a45630e8a1339d98f97b3efa965c5";

    @Test
    void computesTheLeafHashOfThePublishedVector() {
        assertThat(GenuinenessCheck.leafHash(VECTOR.getBytes(StandardCharsets.UTF_8))).isEqualTo(LEAF);
    }

    @Test
    void passesAnEntryLinkedToBothNeighbours() throws Exception {
        var result = GenuinenessCheck.of(detail(VECTOR, LEAF, "ab".repeat(32), "cd".repeat(32), LEAF));
        assertThat(result.checks()).hasSize(4).allMatch(GenuinenessCheck.Check::passed);
        assertThat(result.genuine()).isTrue();
    }

    @Test
    void failsAnEntryWhoseBytesWereEdited() throws Exception {
        String edited = VECTOR.replace("Emergency department doctor", "Receptionist");
        var result = GenuinenessCheck.of(detail(edited, LEAF, "ab".repeat(32), "cd".repeat(32), LEAF));
        assertThat(result.genuine()).isFalse();
        assertThat(result.checks().get(0).passed()).isFalse();
    }

    @Test
    void failsWhenThePreviousRecordIsNotTheOneItNames() throws Exception {
        var result = GenuinenessCheck.of(detail(VECTOR, LEAF, "ee".repeat(32), "cd".repeat(32), LEAF));
        assertThat(result.genuine()).isFalse();
    }

    @Test
    void failsWhenTheNextRecordDoesNotLinkBack() throws Exception {
        var result = GenuinenessCheck.of(detail(VECTOR, LEAF, "ab".repeat(32), "cd".repeat(32), "ff".repeat(32)));
        assertThat(result.genuine()).isFalse();
    }

    private static EntryInContext detail(String canonical, String leaf, String previousLeaf, String nextLeaf,
                                      String nextPrev) throws Exception {
        var parsed = new ObjectMapper().readTree(VECTOR);
        EntryView entry = new EntryView(UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301"), "access", 7,
                leaf, "ab".repeat(32), null, null, false, parsed,
                Base64.getEncoder().encodeToString(canonical.getBytes(StandardCharsets.UTF_8)), Map.of());
        return new EntryInContext(entry, new EntryInContext.Neighbour(6, previousLeaf, null, UUID.randomUUID(), false),
                new EntryInContext.Neighbour(8, nextLeaf, nextPrev, UUID.randomUUID(), false), List.of());
    }
}
