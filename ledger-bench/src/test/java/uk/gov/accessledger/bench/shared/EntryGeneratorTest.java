package uk.gov.accessledger.bench.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.chain.EntryKind;

/** The generated data is what the ledger would store: canonical, chained, and the same every run. */
class EntryGeneratorTest {

    @Test
    void sameSeedGivesTheSameBytes() {
        byte[][] first = new EntryGenerator(42).chainedLog(200, 20);
        byte[][] second = new EntryGenerator(42).chainedLog(200, 20);
        assertThat(second).isDeepEqualTo(first);
        assertThat(new EntryGenerator(43).chainedLog(200, 20)[0]).isNotEqualTo(first[0]);
    }

    @Test
    void entriesAreCanonicalAndFormValidSubjectChains() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Long> nextSeq = new HashMap<>();
        Map<String, String> head = new HashMap<>();
        for (byte[] entry : new EntryGenerator(20261125L).chainedLog(500, 40)) {
            assertThat(CanonicalJson.canonicalize(entry)).isEqualTo(entry);
            JsonNode node = json.readTree(entry);
            String subject = node.get("subject").asText();
            assertThat(subject).matches("[0-9a-f]{64}");
            long seq = nextSeq.getOrDefault(subject, 0L);
            assertThat(node.get("seq").asLong()).isEqualTo(seq);
            if (seq == 0) {
                assertThat(node.has("prev")).isFalse();
            } else {
                assertThat(node.get("prev").asText()).isEqualTo(head.get(subject));
            }
            assertThat(node.get("kind").asText()).isEqualTo(EntryKind.ACCESS.code());
            nextSeq.put(subject, seq + 1);
            head.put(subject, HexFormat.of().formatHex(CanonicalEntry.leafHash(entry)));
        }
        assertThat(nextSeq).hasSize(40);
    }
}
