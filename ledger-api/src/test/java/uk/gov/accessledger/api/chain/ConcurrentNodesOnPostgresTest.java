package uk.gov.accessledger.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import uk.gov.accessledger.testonly.ReferenceTree;

/**
 * Three API nodes on one PostgreSQL database take single entries and batches for the same subjects
 * from many clients at once. Each node's cached chains go stale whenever another node appends to
 * them; the ledger resolves every such conflict itself. Every request is answered 201, every
 * acknowledged entry is stored exactly once, nothing else is stored, and every subject's chain is
 * gap-free and fork-free with every link recomputable from the stored bytes.
 */
class ConcurrentNodesOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NODES = 3;
    private static final int SUBJECTS = 60;
    private static final int CLIENTS = 24;
    private static final int REQUESTS_PER_CLIENT = 30;
    /** Every fifth request is a batch of this many entries over random shared subjects. */
    private static final int BATCH = 10;

    private final List<LedgerNode> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(LedgerNode::close);
    }

    @Test
    void nodesSharingSubjectsAnswerEveryRequestAndKeepEveryChainIntact() throws Exception {
        String database = PostgresDatabase.create();
        LedgerNode.Cluster cluster = LedgerNode.Cluster.onPostgres(database);
        for (int i = 0; i < NODES; i++) {
            // Small pools: three nodes, and other builds, share the server's max_connections.
            nodes.add(cluster.start("--spring.datasource.hikari.maximum-pool-size=6",
                    "--spring.datasource.hikari.minimum-idle=2"));
        }
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            citizens.add(ApiTestSupport.nhsNumber());
        }
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // entry id -> citizen
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                Random random = new Random(client);
                for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    LedgerNode node = nodes.get((client + i) % NODES);
                    Map<String, String> sent = new TreeMap<>();
                    HttpResponse<String> answer;
                    if (i % 5 == 0) {
                        ObjectNode batch = JSON.createObjectNode();
                        for (int e = 0; e < BATCH; e++) {
                            String citizen = citizens.get(random.nextInt(SUBJECTS));
                            ObjectNode entry = ApiTestSupport.access(citizen);
                            sent.put(entry.get("id").asString(), citizen);
                            batch.withArray("entries").add(entry);
                        }
                        answer = node.post("/api/v1/entries/batch", batch.toString());
                    } else {
                        String citizen = citizens.get(random.nextInt(SUBJECTS));
                        ObjectNode entry = ApiTestSupport.access(citizen);
                        sent.put(entry.get("id").asString(), citizen);
                        answer = node.post("/api/v1/entries", entry.toString());
                    }
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    if (answer.statusCode() == 201) {
                        acknowledged.putAll(sent);
                    } else {
                        synchronized (failures) {
                            failures.add(answer.statusCode() + " " + answer.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();
        double conflicts = nodes.stream().mapToDouble(n -> n.counter("ledger.chain.conflicts")).sum();
        System.out.printf("%d nodes, %d clients: statuses %s, %d entries acknowledged, %.0f chain conflicts retried%n",
                NODES, CLIENTS, statuses, acknowledged.size(), conflicts);

        assertThat(failures).as("answers other than 201").isEmpty();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, PostgresDatabase.user(),
                PostgresDatabase.password()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class))
                .as("entries stored").isEqualTo(acknowledged.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .as("events stored").isEqualTo(acknowledged.size());
        SubjectPseudonymiser pseudonymiser = nodes.get(0).bean(SubjectPseudonymiser.class);
        Map<String, String> subjectOf = new TreeMap<>();
        jdbc.query("SELECT entry_id, subject FROM ledger_entry",
                rs -> { subjectOf.put(rs.getString(1), rs.getString(2)); });
        acknowledged.forEach((id, citizen) -> assertThat(subjectOf.get(id)).as("subject of entry " + id)
                .isEqualTo(pseudonymiser.pseudonymOf(CitizenIdentifier.parse("nhs-number", citizen))));
        for (String citizen : citizens) {
            assertChainIntact(jdbc, pseudonymiser.pseudonymOf(CitizenIdentifier.parse("nhs-number", citizen)));
        }
    }

    /** seq 0..n-1 without gaps, each prev the leaf hash of the one before, each leaf hash recomputed. */
    private static void assertChainIntact(JdbcTemplate jdbc, String subject) throws Exception {
        HexFormat hex = HexFormat.of();
        List<Map<String, Object>> chain = jdbc.queryForList(
                "SELECT seq, prev_hash, leaf_hash, canonical FROM ledger_entry WHERE subject = ? ORDER BY seq", subject);
        byte[] previous = null;
        for (int seq = 0; seq < chain.size(); seq++) {
            Map<String, Object> link = chain.get(seq);
            assertThat(((Number) link.get("seq")).longValue()).as("seq of link " + seq).isEqualTo(seq);
            byte[] canonical = (byte[]) link.get("canonical");
            assertThat((byte[]) link.get("leaf_hash")).isEqualTo(ReferenceTree.leafHash(canonical));
            assertThat((byte[]) link.get("prev_hash")).isEqualTo(previous);
            JsonNode entry = JSON.readTree(canonical);
            assertThat(entry.get("seq").asLong()).isEqualTo(seq);
            assertThat(entry.has("prev") ? entry.get("prev").asString() : null)
                    .isEqualTo(previous == null ? null : hex.formatHex(previous));
            previous = (byte[]) link.get("leaf_hash");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, subject)).isEqualTo(chain.size());
    }
}
