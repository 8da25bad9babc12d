package uk.gov.accessledger.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The citizen portal, "See who has used your data". It holds no ledger data: every page about
 * entries is read from ledger-api over HTTP with the signed-in citizen's access token.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CitizenPortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(CitizenPortalApplication.class, args);
    }
}
