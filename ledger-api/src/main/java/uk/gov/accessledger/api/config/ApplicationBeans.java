package uk.gov.accessledger.api.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import uk.gov.accessledger.reference.ReferenceData;

/** The clock (replaceable in tests) and the reference data, validated at start-up. */
@Configuration(proxyBeanMethods = false)
class ApplicationBeans {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Event loops of this application's own. Reactor Netty's global loops are shared by every
     * application context in a JVM, and closing one context would stop the others' servers.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }

    /** Start-up fails with every problem listed if the reference data files are inconsistent. */
    @Bean
    ReferenceData referenceData() {
        return ReferenceData.loadDefault();
    }
}
