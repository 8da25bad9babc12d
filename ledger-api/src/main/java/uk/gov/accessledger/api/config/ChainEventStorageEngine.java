package uk.gov.accessledger.api.config;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Axon's JDBC event storage engine, with two changes for batches:
 * <ul>
 * <li>{@link #prefetch} reads the events of every chain a unit of work is about to load in one
 * query, instead of one query (and one more that comes back empty) per chain;</li>
 * <li>snapshots are not read: the ledger never stores one, so the query per load always came back
 * empty.</li>
 * </ul>
 * Prefetched events live in the root unit of work's resources and die with it, so they never
 * outlive the transaction that read them. A chain that another writer extends after the prefetch
 * fails on the unique (aggregate_identifier, sequence_number) key at commit, exactly as it would
 * after a load one chain at a time.
 */
public final class ChainEventStorageEngine extends JdbcEventStorageEngine {

    private static final String PREFETCHED = ChainEventStorageEngine.class.getName() + ".prefetched";

    private final EventSchema schema;

    ChainEventStorageEngine(JdbcEventStorageEngine.Builder builder, EventSchema schema) {
        super(builder);
        this.schema = schema;
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
        String sql = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " IN (" + "?,".repeat(ids.size() - 1) + "?)"
                + " ORDER BY " + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn();
        List<? extends DomainEventData<?>> rows = JdbcUtils.executeQuery(getConnection(), connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 1, ids.get(i));
            }
            return statement;
        }, JdbcUtils.listResults(this::getDomainEventData),
                e -> new EventStoreException("couldn't read the events of " + ids.size() + " chains", e));
        Map<String, List<DomainEventData<?>>> byChain = new HashMap<>();
        ids.forEach(id -> byChain.put(id, new ArrayList<>()));
        rows.forEach(row -> byChain.get(row.getAggregateIdentifier()).add(row));
        CurrentUnitOfWork.get().root().resources().put(PREFETCHED, byChain);
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
        return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
