package uk.gov.accessledger.api.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.accessledger.api.projection.LedgerEntryProjection;
import uk.gov.accessledger.chain.SubjectChain;
import uk.gov.accessledger.chain.SubjectTargetResolver;

/**
 * Axon on JDBC with the snake_case schema of {@code V1__ledger_schema.sql}. The subject chain
 * aggregate is registered here because ledger-core knows no Spring.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfig {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC engine as Spring Boot would build it, with the batch prefetch of chains, and a
     * duplicate chain position recognised on PostgreSQL as well as on H2.
     */
    @Bean
    ChainEventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                               @Qualifier("eventSerializer") Serializer eventSerializer,
                                               org.axonframework.config.Configuration configuration,
                                               ConnectionProvider connectionProvider,
                                               TransactionManager transactionManager, EventSchema eventSchema,
                                               MeterRegistry meters) {
        return new ChainEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new UniqueKeyViolations())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema), eventSchema, meters);
    }

    /** Axon's embedded event store as Spring Boot would build it, without the per-load scan. */
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return new ChainEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Keeps recently used chains in memory so a chain head is not re-read from the event store
     * for every entry. Axon evicts a chain whose unit of work rolls back, so the cache never holds
     * a link that was not committed.
     */
    @Bean
    Cache subjectChainCache(@Value("${ledger.chain-cache-size:100000}") int capacity) {
        return new BoundedChainCache(capacity);
    }

    @Bean
    ConfigurerModule subjectChainAggregate(Cache subjectChainCache) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(SubjectChain.class)
                        .configureCache(c -> subjectChainCache)
                        .configureCommandTargetResolver(c -> new SubjectTargetResolver()));
    }

    /**
     * A failure in the read-model projection fails the append with it: Axon's default handler would
     * log it and commit the event without its ledger_entry row and log queue place, acknowledged.
     */
    @Bean
    ConfigurerModule projectionFailuresFailTheAppend() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                LedgerEntryProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    CorrelationDataProvider requestHashCorrelation() {
        return new SimpleCorrelationDataProvider(LedgerEntryProjection.REQUEST_HASH);
    }
}
