package uk.gov.accessledger.api.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps a node's cached chains true to the database, reading no more of a chain than it has not
 * seen. A cached chain is compared with the database's head of that chain (one index lookup each):
 * <ul>
 * <li>at the head: kept as it is ({@code fresh});</li>
 * <li>behind the head (another node appended to it): the missing events, of every such chain in
 * one query, are applied to the cached chain through its own event sourcing handlers, as Axon does
 * when it sources a chain ({@code caught-up});</li>
 * <li>otherwise dropped, so the chain's next load sources it whole ({@code dropped}): the cache is
 * ahead of the database (a rolled-back or restored-over write), the missing events have a gap in
 * their positions, or the first of them does not follow the cached head (a fork: the chain's
 * handler refuses a link whose seq or prev is not its own).</li>
 * </ul>
 * {@code ledger.chain.cache.checked} counts chains by outcome, {@code absent} for those not cached.
 */
@Component
class CachedChains {

    private static final Logger log = LoggerFactory.getLogger(CachedChains.class);

    /** One index lookup per chain, as in {@link ChainEventStorageEngine}'s prefetch. */
    private static final String HEADS = "SELECT k.chain_key, (SELECT MAX(e.%2$s) FROM %3$s e WHERE e.%1$s = k.chain_key)"
            + " FROM unnest(CAST(? AS VARCHAR ARRAY)) AS k(chain_key)";

    private final JdbcTemplate jdbc;
    private final Cache chains;
    private final ChainEventStorageEngine storage;
    private final String headsSql;
    private final Counter fresh;
    private final Counter caughtUp;
    private final Counter dropped;
    private final Counter absent;

    CachedChains(JdbcTemplate jdbc, Cache subjectChainCache, ChainEventStorageEngine storage, EventSchema schema,
                 MeterRegistry meters) {
        this.jdbc = jdbc;
        this.chains = subjectChainCache;
        this.storage = storage;
        this.headsSql = String.format(HEADS, schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(),
                schema.domainEventTable());
        this.fresh = meters.counter("ledger.chain.cache.checked", "outcome", "fresh");
        this.caughtUp = meters.counter("ledger.chain.cache.checked", "outcome", "caught-up");
        this.dropped = meters.counter("ledger.chain.cache.checked", "outcome", "dropped");
        this.absent = meters.counter("ledger.chain.cache.checked", "outcome", "absent");
    }

    /**
     * Brings each cached chain of these subjects to the database's head, or forgets it. Requires an
     * active transaction on PostgreSQL that holds these chains' advisory locks ({@link ChainLocks}):
     * then no writer that takes them appends to these chains, on this node or another, until the
     * transaction ends, so a cached chain is changed here by no one else.
     */
    void refresh(List<String> subjects) {
        Map<String, EventSourcedAggregate<?>> cached = new LinkedHashMap<>();
        for (String subject : subjects.stream().distinct().toList()) {
            Object entry = chains.get(subject);
            EventSourcedAggregate<?> aggregate = entry == null ? null : liveAggregate(entry);
            if (entry == null) {
                absent.increment();
            } else if (aggregate == null || aggregate.version() == null) {
                drop(subject, "its cache entry holds no chain");
            } else {
                cached.put(subject, aggregate);
            }
        }
        if (cached.isEmpty()) {
            return;
        }
        Map<String, Long> heads = heads(cached.keySet().toArray(String[]::new));
        Map<String, Long> behind = new HashMap<>();
        for (Map.Entry<String, EventSourcedAggregate<?>> c : cached.entrySet()) {
            long version = c.getValue().version();
            Long head = heads.get(c.getKey());
            if (head == null || head < version) {
                drop(c.getKey(), "the cache is ahead of the database, at " + version + " against " + head);
            } else if (head == version) {
                fresh.increment();
            } else {
                behind.put(c.getKey(), version);
            }
        }
        if (behind.isEmpty()) {
            return;
        }
        Map<String, List<DomainEventMessage<?>>> missing = storage.readEventsAfter(behind);
        behind.forEach((subject, version) ->
                catchUp(subject, cached.get(subject), version, heads.get(subject), missing.get(subject)));
    }

    /**
     * Applies {@code events}, the chain's events after {@code version}, to the cached chain if they
     * lead to {@code head} without a gap and follow the cached head; drops the chain otherwise.
     */
    private void catchUp(String subject, EventSourcedAggregate<?> aggregate, long version, long head,
                         List<DomainEventMessage<?>> events) {
        for (int i = 0; i < events.size(); i++) {
            long position = events.get(i).getSequenceNumber();
            if (position != version + 1 + i) {
                drop(subject, "got event position " + position + ", want " + (version + 1 + i));
                return;
            }
        }
        if (version + events.size() != head) {
            drop(subject, "got " + events.size() + " new events, want " + (head - version));
            return;
        }
        try {
            aggregate.initializeState(DomainEventStream.of(events));
        } catch (RuntimeException e) {
            // Mostly ChainBrokenException (a fork). The chain may be half changed: never keep it.
            drop(subject, "its new events do not follow it: " + e);
            return;
        }
        if (aggregate.version() == null || aggregate.version() != head) {
            drop(subject, "got version " + aggregate.version() + " after catching up, want " + head);
            return;
        }
        chains.put(subject, cacheEntry(aggregate));
        caughtUp.increment();
    }

    private void drop(String subject, String why) {
        chains.remove(subject);
        dropped.increment();
        log.debug("dropped cached chain {}: {}", subject, why);
    }

    /** The position of each chain's last event in the database; null for a chain with none. */
    private Map<String, Long> heads(String[] subjects) {
        Map<String, Long> heads = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(headsSql);
            statement.setArray(1, connection.createArrayOf("varchar", subjects));
            return statement;
        }, rs -> {
            String subject = rs.getString(1);
            long head = rs.getLong(2);
            // wasNull() speaks of the column read last: read the head last.
            heads.put(subject, rs.wasNull() ? null : head);
        });
        return heads;
    }

    /** The chain a cache entry holds, or null if it holds none. */
    static EventSourcedAggregate<?> liveAggregate(Object entry) {
        if (!(entry instanceof AggregateCacheEntry<?> cached)) {
            return null;
        }
        try {
            // An in-memory cache entry holds the live aggregate and hands it back as it is.
            return cached.recreateAggregate(null, null, null, null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T> AggregateCacheEntry<T> cacheEntry(EventSourcedAggregate<T> aggregate) {
        return new AggregateCacheEntry<>(aggregate);
    }
}
