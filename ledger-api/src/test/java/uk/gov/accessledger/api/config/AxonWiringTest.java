package uk.gov.accessledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.accessledger.api.support.ApiTestSupport;

/**
 * Axon's storage is wired to the application's database and transactions, as it was on Spring Boot
 * 3.5. Without {@link AxonAfterBootInfrastructure} (checked on a clean build) the API does not start
 * on Spring Boot 4: Axon defines no ConnectionProvider.
 */
class AxonWiringTest extends ApiTestSupport {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "axon-wiring");
    }

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    ConnectionProvider connectionProvider;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    ObjectMapper eventObjectMapper;

    @Test
    void storesEventsAndTokensInTheApplicationsDatabaseWithinItsTransactions() {
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(connectionProvider).isInstanceOf(UnitOfWorkAwareConnectionProviderWrapper.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
    }

    @Test
    void writesEventsWithTheEventMapper() {
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(((JacksonSerializer) eventSerializer).getObjectMapper()).isSameAs(eventObjectMapper);
    }
}
