package uk.gov.accessledger.api.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Axon's embedded event store, without a cost that grows with the square of a batch. To load a
 * chain, Axon adds the events the unit of work has staged for it, and finds them by collecting
 * every staged event of the whole unit of work (with a linear duplicate check per event) and
 * filtering; a batch of n entries did that n times. Here the root unit of work remembers which
 * chains have staged events, and a chain with none skips the search. A chain that has some gets
 * Axon's own answer, so the result is the same.
 */
final class ChainEventStore extends EmbeddedEventStore {

    private static final String STAGED_CHAINS = ChainEventStore.class.getName() + ".stagedChains";

    ChainEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
    }

    @Override
    public void publish(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            Set<String> staged = CurrentUnitOfWork.get().root().getOrComputeResource(STAGED_CHAINS, k -> new HashSet<>());
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    staged.add(domainEvent.getAggregateIdentifier());
                }
            }
        }
        super.publish(events);
    }

    @Override
    protected Stream<? extends DomainEventMessage<?>> stagedDomainEventMessages(String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Stream.empty();
        }
        Set<String> staged = CurrentUnitOfWork.get().root().getResource(STAGED_CHAINS);
        if (staged == null || !staged.contains(aggregateIdentifier)) {
            return Stream.empty();
        }
        return super.stagedDomainEventMessages(aggregateIdentifier);
    }
}
