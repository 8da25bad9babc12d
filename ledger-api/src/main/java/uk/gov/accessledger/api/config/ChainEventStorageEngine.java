package uk.gov.accessledger.api.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Axon's JDBC event storage engine, with two changes for batches and one for stale chains:
 * <ul>
 * <li>{@link #prefetch} reads the events of every chain a unit of work is about to load in one
 * query, instead of one query (and one more that comes back empty) per chain;</li>
 * <li>snapshots are not read: the ledger never stores one, so the query per load always came back
 * empty;</li>
 * <li>{@link #readEventsAfter} reads only the events a cached chain has not seen, for
 * {@link CachedChains}.</li>
 * </ul>
 * Prefetched events live in the root unit of work's resources and die with it, so they never
 * outlive the transaction that read them. A chain that another writer extends after the prefetch
 * fails on the unique (aggregate_identifier, sequence_number) key at commit, exactly as it would
 * after a load one chain at a time.
 *
 * <p>{@code ledger.chain.events.read} counts the events this engine reads from the database to
 * source chains (an event served from a prefetch is counted once, when it is prefetched).
 */
public final class ChainEventStorageEngine extends JdbcEventStorageEngine {

    private static final String PREFETCHED = ChainEventStorageEngine.class.getName() + ".prefetched";

    /**
     * On PostgreSQL, one index lookup per chain whatever the statistics say. A plain
     * {@code IN (...)} list is planned from the table's statistics, and a young, growing table
     * has stale ones or none (autovacuum off or not yet run), with which the planner may choose a
     * sequential scan of the whole table. The chains come as one array, each looked up by a
     * LATERAL subquery that OFFSET 0 keeps the planner from flattening into a join (flattened, it
     * can become a merge join over the whole table). {@code ChainPrefetchOnPostgresTest} checks
     * the plan on a table PostgreSQL has never analysed.
     */
    private static final String POSTGRESQL_PREFETCH = "SELECT e.* FROM unnest(CAST(? AS VARCHAR ARRAY)) AS k(chain_key)"
            + " CROSS JOIN LATERAL (SELECT %1$s FROM %2$s WHERE %3$s = k.chain_key OFFSET 0) AS e ORDER BY e.%3$s, e.%4$s";

    /** Elsewhere (H2 has no LATERAL), the chains as one array parameter. */
    private static final String OTHER_PREFETCH = "SELECT %1$s FROM %2$s WHERE %3$s = ANY(?) ORDER BY %3$s, %4$s";

    /** As {@link #POSTGRESQL_PREFETCH}, each chain from the position after the one given with it. */
    private static final String POSTGRESQL_AFTER = "SELECT e.* FROM unnest(CAST(? AS VARCHAR ARRAY),"
            + " CAST(? AS BIGINT ARRAY)) AS k(chain_key, after_seq) CROSS JOIN LATERAL (SELECT %1$s FROM %2$s"
            + " WHERE %3$s = k.chain_key AND %4$s > k.after_seq OFFSET 0) AS e ORDER BY e.%3$s, e.%4$s";

    private final EventSchema schema;
    private final Counter eventsRead;
    private final String afterSql;
    private volatile String prefetchSql;

    ChainEventStorageEngine(JdbcEventStorageEngine.Builder builder, EventSchema schema, MeterRegistry meters) {
        super(builder);
        this.schema = schema;
        this.eventsRead = meters.counter("ledger.chain.events.read");
        this.afterSql = String.format(POSTGRESQL_AFTER, schema.trackedEventFields(), schema.domainEventTable(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn());
    }

    /**
     * Reads, in one query, the events of each chain after the position given for it, in position
     * order, upcast and deserialized as Axon does when it sources a chain. A chain with no such
     * event gets an empty list. PostgreSQL only; at most 1,000 chains.
     */
    public Map<String, List<DomainEventMessage<?>>> readEventsAfter(Map<String, Long> lastSequences) {
        if (lastSequences.isEmpty()) {
            return Map.of();
        }
        List<String> ids = List.copyOf(lastSequences.keySet());
        Long[] after = ids.stream().map(lastSequences::get).toArray(Long[]::new);
        List<? extends DomainEventData<?>> rows = JdbcUtils.executeQuery(getConnection(), connection -> {
            PreparedStatement statement = connection.prepareStatement(afterSql);
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", after));
            return statement;
        }, JdbcUtils.listResults(this::getDomainEventData),
                e -> new EventStoreException("couldn't read the new events of " + ids.size() + " chains", e));
        eventsRead.increment(rows.size());
        Map<String, List<DomainEventData<?>>> byChain = new HashMap<>();
        ids.forEach(id -> byChain.put(id, new ArrayList<>()));
        rows.forEach(row -> byChain.get(row.getAggregateIdentifier()).add(row));
        Map<String, List<DomainEventMessage<?>>> events = new HashMap<>();
        byChain.forEach((id, data) -> events.put(id, EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(data.stream(), getEventSerializer(), upcasterChain))
                .<DomainEventMessage<?>>map(e -> e).toList()));
        return events;
    }

    /**
     * Reads the events of these chains, in one query, for the loads of the current unit of work.
     * Call it inside the unit of work, before its commands; at most 1,000 chains.
     */
    public void prefetch(Collection<String> chains) {
        if (chains.isEmpty() || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        List<String> ids = List.copyOf(chains);
        List<? extends DomainEventData<?>> rows = JdbcUtils.executeQuery(getConnection(), connection -> {
            PreparedStatement statement = connection.prepareStatement(prefetchSql(connection));
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            return statement;
        }, JdbcUtils.listResults(this::getDomainEventData),
                e -> new EventStoreException("couldn't read the events of " + ids.size() + " chains", e));
        eventsRead.increment(rows.size());
        Map<String, List<DomainEventData<?>>> byChain = new HashMap<>();
        ids.forEach(id -> byChain.put(id, new ArrayList<>()));
        rows.forEach(row -> byChain.get(row.getAggregateIdentifier()).add(row));
        CurrentUnitOfWork.get().root().resources().put(PREFETCHED, byChain);
    }

    String prefetchSql(Connection connection) throws SQLException {
        if (prefetchSql == null) {
            String template = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? POSTGRESQL_PREFETCH : OTHER_PREFETCH;
            prefetchSql = String.format(template, schema.trackedEventFields(), schema.domainEventTable(),
                    schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn());
        }
        return prefetchSql;
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        if (CurrentUnitOfWork.isStarted()) {
            Map<String, List<DomainEventData<?>>> prefetched = CurrentUnitOfWork.get().root().getResource(PREFETCHED);
            List<DomainEventData<?>> events = prefetched == null ? null : prefetched.get(aggregateIdentifier);
            if (events != null) {
                return events.stream().filter(e -> e.getSequenceNumber() >= firstSequenceNumber).toList();
            }
        }
        List<? extends DomainEventData<?>> events = super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber,
                batchSize);
        eventsRead.increment(events.size());
        return events;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
