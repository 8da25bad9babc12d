package uk.gov.accessledger.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The citizen portal, "See who has used your data". It knows ledger-api only over HTTP. This is
 * the placeholder of the foundation issue: a start page; sign-in and the history pages follow.
 */
@SpringBootApplication
public class CitizenPortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(CitizenPortalApplication.class, args);
    }
}
