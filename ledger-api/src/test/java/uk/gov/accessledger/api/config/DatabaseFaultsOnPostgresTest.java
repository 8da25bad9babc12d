package uk.gov.accessledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
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
import uk.gov.accessledger.api.support.TcpProxy;

/**
 * A node whose database connections are killed under load, or whose database goes away and comes
 * back, answers 503 problems with Retry-After (never 500) while it cannot reach the database,
 * reports itself not ready while the database is away, and recovers by itself. It acknowledges
 * nothing that it did not commit.
 */
class DatabaseFaultsOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 12;
    private static final String UNAVAILABLE = "urn:access-ledger:problem:database-unavailable";

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void answersTerminatedConnectionsWith503AndRecoversByItself() throws Exception {
        String database = PostgresDatabase.create();
        LedgerNode node = LedgerNode.Cluster.onPostgres(database).start("--spring.datasource.hikari.maximum-pool-size=8");
        resources.add(node);
        // Warm: a cold node on a busy machine would answer too few requests while the faults last.
        for (int i = 0; i < 20; i++) {
            assertThat(postOnce(node)).isEqualTo(201);
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> wrong = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    record(node, client % 3 == 0 && i % 3 == 0, acknowledged, statuses, wrong);
                }
                return null;
            });
        }
        int terminated = 0;
        String name = URI.create(database.substring("jdbc:".length())).getPath().substring(1);
        String admin = database.substring(0, database.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, PostgresDatabase.user(), PostgresDatabase.password());
             PreparedStatement kill = c.prepareStatement("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
            kill.setString(1, name);
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            for (int round = 0; round < 8 || answered(statuses) < 300 && Instant.now().isBefore(until); round++) {
                Thread.sleep(500);
                try (ResultSet rs = kill.executeQuery()) {
                    rs.next();
                    terminated += rs.getInt(1);
                }
            }
        }
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        System.out.printf("connections terminated under load: %d terminated, statuses %s, %d acknowledged%n",
                terminated, statuses, acknowledged.size());

        assertThat(terminated).as("connections terminated").isPositive();
        assertThat(wrong).as("answers other than 201, 200 or a 503 database-unavailable problem").isEmpty();
        awaitTrue(() -> postOnce(node) == 201, Duration.ofSeconds(30), "a write succeeds after the faults");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, PostgresDatabase.user(),
                PostgresDatabase.password()));
        for (String id : acknowledged) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE entry_id = ?", Long.class,
                    UUID.fromString(id))).as("copies of acknowledged entry " + id).isEqualTo(1);
        }
    }

    @Test
    void isNotReadyWhileTheDatabaseIsAwayAndRecoversWithoutRestart() throws Exception {
        String database = PostgresDatabase.create();
        URI direct = URI.create(database.substring("jdbc:".length()));
        TcpProxy proxy = new TcpProxy(direct.getPort() == -1 ? 5432 : direct.getPort());
        resources.add(proxy);
        LedgerNode node = LedgerNode.Cluster.onPostgres("jdbc:postgresql://127.0.0.1:" + proxy.port() + direct.getPath())
                .start("--spring.datasource.hikari.connection-timeout=2000");
        resources.add(node);
        assertThat(node.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(postOnce(node)).isEqualTo(201);

        proxy.cut();
        awaitTrue(() -> status(node, "/actuator/health/readiness") == 503, Duration.ofSeconds(30),
                "readiness DOWN while the database is away");
        HttpResponse<String> refused = node.post("/api/v1/entries", ApiTestSupport.access(ApiTestSupport.nhsNumber()).toString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(JSON.readTree(refused.body()).get("type").asString()).isEqualTo(UNAVAILABLE);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(status(node, "/actuator/health/liveness")).as("liveness while the database is away").isEqualTo(200);

        proxy.restore();
        awaitTrue(() -> status(node, "/actuator/health/readiness") == 200, Duration.ofSeconds(30),
                "readiness UP once the database is back");
        awaitTrue(() -> postOnce(node) == 201, Duration.ofSeconds(30), "a write succeeds once the database is back");
    }

    private static void record(LedgerNode node, boolean batch, Set<String> acknowledged, Map<Integer, Integer> statuses,
                               List<String> wrong) {
        List<String> ids = new ArrayList<>();
        String path = "/api/v1/entries";
        String body;
        if (batch) {
            ObjectNode wrapper = JSON.createObjectNode();
            for (int i = 0; i < 10; i++) {
                ObjectNode entry = ApiTestSupport.access(ApiTestSupport.nhsNumber());
                ids.add(entry.get("id").asString());
                wrapper.withArray("entries").add(entry);
            }
            body = wrapper.toString();
            path = "/api/v1/entries/batch";
        } else {
            ObjectNode entry = ApiTestSupport.access(ApiTestSupport.nhsNumber());
            ids.add(entry.get("id").asString());
            body = entry.toString();
        }
        try {
            HttpResponse<String> answer = node.post(path, body);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            // 200: a commit whose acknowledgement from the database was lost, answered on the
            // retry inside the node as a repeat, with the same receipt.
            if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                acknowledged.addAll(ids);
                return;
            }
            JsonNode problem = JSON.readTree(answer.body());
            if (answer.statusCode() != 503 || !UNAVAILABLE.equals(problem.path("type").asString())
                    || answer.headers().firstValue("Retry-After").isEmpty()) {
                synchronized (wrong) {
                    wrong.add(answer.statusCode() + " " + answer.body());
                }
            }
        } catch (Exception e) {
            synchronized (wrong) {
                wrong.add(e.toString());
            }
        }
    }

    private static int answered(Map<Integer, Integer> statuses) {
        return statuses.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static int postOnce(LedgerNode node) {
        try {
            return node.post("/api/v1/entries", ApiTestSupport.access(ApiTestSupport.nhsNumber()).toString()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static int status(LedgerNode node, String path) {
        try {
            return node.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(200);
        }
    }
}
