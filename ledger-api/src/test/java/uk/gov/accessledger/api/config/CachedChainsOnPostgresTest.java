package uk.gov.accessledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.LedgerNode;
import uk.gov.accessledger.api.support.PostgresDatabase;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/**
 * What node A does with its cached chain once it holds the chain's lock, for each way the
 * database can differ from it: node B appended to the chain, or the stored events were changed
 * under both (to make a gap, a fork, or a database behind the cache, as a restore or a rollback
 * would). Each test has citizens of its own.
 */
class CachedChainsOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LedgerNode a;
    private static LedgerNode b;

    @BeforeAll
    static void startNodes() {
        LedgerNode.Cluster cluster = LedgerNode.Cluster.onPostgres(PostgresDatabase.create());
        a = cluster.start("--spring.datasource.hikari.maximum-pool-size=4");
        b = cluster.start("--spring.datasource.hikari.maximum-pool-size=4");
    }

    @AfterAll
    static void stopNodes() {
        for (LedgerNode node : new LedgerNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void keepsAChainNoOtherNodeExtendedAsItIs() throws Exception {
        Chain chain = cachedOnA(2, 0);
        EventSourcedAggregate<?> before = cachedOnA(chain.subject());
        Meters meters = new Meters();

        lockOnA(chain.subject());

        assertThat(cachedOnA(chain.subject())).isSameAs(before);
        assertThat(before.version()).isEqualTo(1L);
        assertThat(meters.checked("fresh")).isEqualTo(1);
        assertThat(meters.eventsRead()).isZero();
    }

    @Test
    void catchesUpAChainAnotherNodeExtendedByReadingOnlyItsNewEvents() throws Exception {
        Chain chain = cachedOnA(2, 3);
        EventSourcedAggregate<?> before = cachedOnA(chain.subject());
        Meters meters = new Meters();

        lockOnA(chain.subject());

        assertThat(cachedOnA(chain.subject())).as("the cached chain, caught up in place").isSameAs(before);
        assertThat(before.version()).isEqualTo(4L);
        assertThat(meters.checked("caught-up")).isEqualTo(1);
        assertThat(meters.checked("dropped")).isZero();
        assertThat(meters.eventsRead()).isEqualTo(3);

        // The caught-up chain links A's next entry to B's last one, without reading the chain again.
        record(a, chain.citizen(), 1);
        assertThat(meters.eventsRead()).isEqualTo(3);
        List<Map<String, Object>> links = jdbc().queryForList("SELECT seq, prev_hash, leaf_hash FROM ledger_entry"
                + " WHERE subject = ? AND seq >= 4 ORDER BY seq", chain.subject());
        assertThat(links).extracting(l -> ((Number) l.get("seq")).longValue()).containsExactly(4L, 5L);
        assertThat((byte[]) links.get(1).get("prev_hash")).isEqualTo((byte[]) links.get(0).get("leaf_hash"));
    }

    @Test
    void dropsAChainWhoseNewEventsHaveAGap() throws Exception {
        Chain chain = cachedOnA(2, 3);
        // Positions 2 and 4 remain: the first new event follows the cached head, the second does not.
        assertThat(deleteEvent(chain.subject(), 3)).isEqualTo(1);
        Meters meters = new Meters();

        lockOnA(chain.subject());

        assertDroppedOnA(chain.subject(), meters);
        assertThat(meters.checked("caught-up")).isZero();
    }

    @Test
    void dropsAChainWhoseFirstNewEventDoesNotFollowTheCachedHead() throws Exception {
        Chain chain = cachedOnA(2, 0);
        String other = ApiTestSupport.nhsNumber();
        record(b, other, 3);
        // The other chain's third event becomes this chain's third: position and seq 2 follow the
        // cached head, but its prev is the other chain's second leaf, not this one's.
        assertThat(jdbc().update("UPDATE domain_event_entry SET aggregate_identifier = ?"
                + " WHERE aggregate_identifier = ? AND sequence_number = 2", chain.subject(), subject(other)))
                .isEqualTo(1);
        Meters meters = new Meters();

        lockOnA(chain.subject());

        assertDroppedOnA(chain.subject(), meters);
        assertThat(meters.checked("caught-up")).isZero();
    }

    @Test
    void dropsAChainTheDatabaseIsBehind() throws Exception {
        Chain chain = cachedOnA(3, 0);
        assertThat(deleteEvent(chain.subject(), 2)).isEqualTo(1);
        Meters meters = new Meters();

        lockOnA(chain.subject());

        assertDroppedOnA(chain.subject(), meters);
        assertThat(meters.checked("fresh")).isZero();
    }

    @Test
    void dropsAChainTheDatabaseHasNoEventOf() throws Exception {
        Chain chain = cachedOnA(1, 0);
        assertThat(deleteEvent(chain.subject(), 0)).isEqualTo(1);
        Meters meters = new Meters();

        lockOnA(chain.subject());

        assertDroppedOnA(chain.subject(), meters);
    }

    @Test
    void leavesAChainThatIsNotCachedToBeLoaded() throws Exception {
        String citizen = ApiTestSupport.nhsNumber();
        record(b, citizen, 2);
        String subject = subject(citizen);
        Meters meters = new Meters();

        lockOnA(subject);

        assertThat(a.bean(Cache.class).containsKey(subject)).isFalse();
        assertThat(meters.checked("absent")).isEqualTo(1);
        assertThat(meters.eventsRead()).isZero();
    }

    /** A citizen and the subject of their chain. */
    private record Chain(String citizen, String subject) {
    }

    /**
     * A new citizen's chain of {@code onA} entries recorded on A, which A then holds in its cache,
     * followed by {@code onB} recorded on B, which A has not seen; requires {@code onA >= 1}.
     */
    private static Chain cachedOnA(int onA, int onB) throws Exception {
        String citizen = ApiTestSupport.nhsNumber();
        record(a, citizen, onA);
        if (onB > 0) {
            record(b, citizen, onB);
        }
        String subject = subject(citizen);
        assertThat(cachedOnA(subject).version()).as("A's cached chain, as A recorded it").isEqualTo(onA - 1L);
        return new Chain(citizen, subject);
    }

    /** A's check of the chain since {@code meters} found it differ from the database, and dropped it. */
    private static void assertDroppedOnA(String subject, Meters meters) {
        assertThat(a.bean(Cache.class).containsKey(subject)).as("in A's cache").isFalse();
        assertThat(meters.checked("dropped")).isEqualTo(1);
    }

    /** Records {@code count} entries about the citizen in one batch on {@code node}. */
    private static void record(LedgerNode node, String citizen, int count) throws Exception {
        ObjectNode batch = JSON.createObjectNode();
        for (int i = 0; i < count; i++) {
            batch.withArray("entries").add(ApiTestSupport.access(citizen));
        }
        HttpResponse<String> answer = node.post("/api/v1/entries/batch", batch.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    /** Takes the chain's lock on node A, in a transaction of A's, as a batch does before its commands. */
    private static void lockOnA(String subject) {
        new TransactionTemplate(a.bean(PlatformTransactionManager.class))
                .executeWithoutResult(status -> a.bean(ChainLocks.class).lockForAppend(List.of(subject)));
    }

    private static EventSourcedAggregate<?> cachedOnA(String subject) {
        EventSourcedAggregate<?> aggregate = CachedChains.liveAggregate(a.bean(Cache.class).get(subject));
        assertThat(aggregate).as("node A's cached chain").isNotNull();
        return aggregate;
    }

    private static int deleteEvent(String subject, long position) {
        return jdbc().update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                subject, position);
    }

    private static JdbcTemplate jdbc() {
        return a.bean(JdbcTemplate.class);
    }

    private static String subject(String citizen) {
        return a.bean(SubjectPseudonymiser.class).pseudonymOf(CitizenIdentifier.parse("nhs-number", citizen));
    }

    /** Node A's chain meters from now on. */
    private static final class Meters {

        private final double eventsRead = a.counter("ledger.chain.events.read");
        private final Map<String, Double> checked = new HashMap<>();

        Meters() {
            for (String outcome : List.of("fresh", "caught-up", "dropped", "absent")) {
                checked.put(outcome, checkedSoFar(outcome));
            }
        }

        double eventsRead() {
            return a.counter("ledger.chain.events.read") - eventsRead;
        }

        /** Chains checked with this outcome since; requires a known outcome. */
        double checked(String outcome) {
            return checkedSoFar(outcome) - checked.get(outcome);
        }

        private static double checkedSoFar(String outcome) {
            return a.counter("ledger.chain.cache.checked", "outcome", outcome);
        }
    }
}
