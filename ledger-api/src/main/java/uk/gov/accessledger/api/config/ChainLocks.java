package uk.gov.accessledger.api.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes several nodes on one PostgreSQL database append to a chain one at a time, and keeps each
 * node's cached chains true to the database. Before a unit of work runs its commands it takes a
 * transaction-scoped advisory lock per chain, in ascending key order so that two writers never
 * wait on each other in a cycle, and then has {@link CachedChains} catch up or drop every cached
 * chain whose head is not the database's head (another node appended to it). The locks are held
 * until the transaction commits or rolls back, so no other node can append to these chains in
 * between; the unique (chain, position) key stays the last word if a writer does not take them.
 *
 * <p>On H2 nothing is done: an embedded file database has one node, whose chains Axon already
 * locks in memory.
 */
@Component
public class ChainLocks {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(? AS BIGINT ARRAY)) AS t(k)";

    private final JdbcTemplate jdbc;
    private final CachedChains cachedChains;
    private volatile Boolean postgres;

    ChainLocks(JdbcTemplate jdbc, CachedChains cachedChains) {
        this.jdbc = jdbc;
        this.cachedChains = cachedChains;
    }

    /**
     * Locks these chains for the current transaction and brings the cached ones to the database's
     * head, or forgets them. Requires an active transaction on the application's data source.
     */
    public void lockForAppend(Collection<String> subjects) {
        if (subjects.isEmpty() || !onPostgres()) {
            return;
        }
        Long[] keys = subjects.stream().map(ChainLocks::lockKey).distinct().sorted().toArray(Long[]::new);
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(LOCK);
            statement.setArray(1, connection.createArrayOf("bigint", keys));
            return statement;
        }, rs -> { });
        cachedChains.refresh(List.copyOf(subjects));
    }

    /** A 64-bit advisory lock key: the first eight bytes of the SHA-256 of the subject. */
    static long lockKey(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("couldn't hash a chain key: SHA-256 is missing", e);
        }
    }

    private boolean onPostgres() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }
}
