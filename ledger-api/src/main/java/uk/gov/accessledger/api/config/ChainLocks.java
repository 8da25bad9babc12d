package uk.gov.accessledger.api.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes several nodes on one PostgreSQL database append to a chain one at a time, and keeps each
 * node's cached chains true to the database. Before a unit of work runs its commands it takes a
 * transaction-scoped advisory lock per chain, in ascending key order so that two writers never
 * wait on each other in a cycle, and then drops every cached chain whose head is not the
 * database's head (another node appended to it). The locks are held until the transaction commits
 * or rolls back, so no other node can append to these chains in between; the unique
 * (chain, position) key stays the last word if a writer does not take them.
 *
 * <p>On H2 nothing is done: an embedded file database has one node, whose chains Axon already
 * locks in memory.
 */
@Component
public class ChainLocks {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(? AS BIGINT ARRAY)) AS t(k)";

    /** One index lookup per chain, as in {@link ChainEventStorageEngine}'s prefetch. */
    private static final String HEADS = "SELECT k.chain_key, (SELECT MAX(e.%2$s) FROM %3$s e WHERE e.%1$s = k.chain_key)"
            + " FROM unnest(CAST(? AS VARCHAR ARRAY)) AS k(chain_key)";

    private final JdbcTemplate jdbc;
    private final Cache chains;
    private final String headsSql;
    private volatile Boolean postgres;

    ChainLocks(JdbcTemplate jdbc, Cache subjectChainCache, EventSchema schema) {
        this.jdbc = jdbc;
        this.chains = subjectChainCache;
        this.headsSql = String.format(HEADS, schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(),
                schema.domainEventTable());
    }

    /**
     * Locks these chains for the current transaction and forgets the cached ones that are stale.
     * Requires an active transaction on the application's data source.
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
        String[] cached = subjects.stream().distinct().filter(chains::containsKey).toArray(String[]::new);
        if (cached.length == 0) {
            return;
        }
        Map<String, Long> heads = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(headsSql);
            statement.setArray(1, connection.createArrayOf("varchar", cached));
            return statement;
        }, rs -> {
            String subject = rs.getString(1);
            long head = rs.getLong(2);
            // wasNull() speaks of the column read last: read the head last.
            heads.put(subject, rs.wasNull() ? null : head);
        });
        for (String subject : cached) {
            Long version = cachedVersion(chains.get(subject));
            if (version == null || !version.equals(heads.get(subject))) {
                chains.remove(subject);
            }
        }
    }

    /** The position of the last event of a cached chain, or null if the entry says nothing. */
    private static Long cachedVersion(Object entry) {
        if (!(entry instanceof AggregateCacheEntry<?> cached)) {
            return null;
        }
        try {
            // An in-memory cache entry holds the live aggregate and hands it back as it is.
            EventSourcedAggregate<?> aggregate = cached.recreateAggregate(null, null, null, null);
            return aggregate.version();
        } catch (RuntimeException e) {
            return null;
        }
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
