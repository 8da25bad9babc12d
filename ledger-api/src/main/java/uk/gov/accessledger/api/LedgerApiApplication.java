package uk.gov.accessledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The ledger API: ingest, citizen history, organisation and audit queries. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LedgerApiApplication {

    public static void main(String[] args) {
        disableAxonUpdateChecker();
        SpringApplication.run(LedgerApiApplication.class, args);
    }

    /**
     * Axon 4.13 phones home to check for updates unless told not to; a public-sector ledger must
     * not make undeclared outbound calls. Axon reads this as a JVM system property, not a Spring one.
     */
    public static void disableAxonUpdateChecker() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
