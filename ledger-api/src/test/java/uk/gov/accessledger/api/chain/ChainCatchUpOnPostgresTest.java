package uk.gov.accessledger.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.LedgerNode;
import uk.gov.accessledger.api.support.PostgresDatabase;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/**
 * A node whose cached chain another node extended reads only the events it has not seen before it
 * appends, not the whole chain again, and the chain it appends to stays intact.
 */
class ChainCatchUpOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHAIN = 300;
    private static final int APPENDED_ELSEWHERE = 3;

    private LedgerNode a;
    private LedgerNode b;

    @AfterEach
    void stopNodes() {
        for (LedgerNode node : new LedgerNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void nodeBehindByThreeEventsReadsThreeToAppendToAChainOfThreeHundred() throws Exception {
        String database = PostgresDatabase.create();
        LedgerNode.Cluster cluster = LedgerNode.Cluster.onPostgres(database);
        a = cluster.start("--spring.datasource.hikari.maximum-pool-size=4");
        b = cluster.start("--spring.datasource.hikari.maximum-pool-size=4");
        String citizen = ApiTestSupport.nhsNumber();

        ObjectNode batch = JSON.createObjectNode();
        for (int i = 0; i < CHAIN; i++) {
            batch.withArray("entries").add(ApiTestSupport.access(citizen));
        }
        assertCreated(a.post("/api/v1/entries/batch", batch.toString()));
        for (int i = 0; i < APPENDED_ELSEWHERE; i++) {
            assertCreated(b.post("/api/v1/entries", ApiTestSupport.access(citizen).toString()));
        }

        double readBefore = a.counter("ledger.chain.events.read");
        double caughtUpBefore = a.counter("ledger.chain.cache.checked", "outcome", "caught-up");
        HttpResponse<String> appended = a.post("/api/v1/entries", ApiTestSupport.access(citizen).toString());
        assertCreated(appended);
        double read = a.counter("ledger.chain.events.read") - readBefore;
        System.out.printf("node A, %d events behind on a chain of %d, read %.0f events to append one%n",
                APPENDED_ELSEWHERE, CHAIN + APPENDED_ELSEWHERE, read);

        assertThat(read).as("events node A read to append").isEqualTo(APPENDED_ELSEWHERE);
        assertThat(a.counter("ledger.chain.cache.checked", "outcome", "caught-up") - caughtUpBefore)
                .as("chains node A caught up").isEqualTo(1);
        long head = CHAIN + APPENDED_ELSEWHERE;
        assertThat(JSON.readTree(appended.body()).get("seq").asLong()).as("seq of node A's entry").isEqualTo(head);

        String subject = a.bean(SubjectPseudonymiser.class).pseudonymOf(CitizenIdentifier.parse("nhs-number", citizen));
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, PostgresDatabase.user(),
                PostgresDatabase.password()));
        List<Map<String, Object>> links = jdbc.queryForList("SELECT seq, prev_hash, leaf_hash, canonical"
                + " FROM ledger_entry WHERE subject = ? AND seq >= ? ORDER BY seq", subject, head - 1);
        assertThat(links).extracting(l -> ((Number) l.get("seq")).longValue()).containsExactly(head - 1, head);
        byte[] previousLeaf = (byte[]) links.get(0).get("leaf_hash");
        assertThat((byte[]) links.get(1).get("prev_hash")).as("prev of node A's entry").isEqualTo(previousLeaf);
        JsonNode canonical = JSON.readTree((byte[]) links.get(1).get("canonical"));
        assertThat(canonical.get("seq").asLong()).isEqualTo(head);
        assertThat(canonical.get("prev").asString()).isEqualTo(HexFormat.of().formatHex(previousLeaf));
        assertThat(jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", Long.class, subject))
                .as("the chain's event positions").hasSize((int) head + 1)
                .isEqualTo(LongStream.rangeClosed(0, head).boxed().toList());
    }

    private static void assertCreated(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }
}
