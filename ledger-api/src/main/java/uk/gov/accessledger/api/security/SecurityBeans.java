package uk.gov.accessledger.api.security;

import java.security.MessageDigest;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import uk.gov.accessledger.api.config.ConnectedDatabase;
import uk.gov.accessledger.api.config.LedgerProperties;
import uk.gov.accessledger.reference.ReferenceData;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/** The secrets-backed beans: pseudonymiser and service credentials, read from configuration. */
@Configuration(proxyBeanMethods = false)
class SecurityBeans {

    /**
     * The key shipped in application-demo.yml: public, so never allowed near real data. Compared
     * as decoded bytes, so that another spelling of it (no padding) is refused too.
     */
    static final String DEMO_PSEUDONYM_KEY = "ZGVtby1vbmx5LXBzZXVkb255bS1rZXktbm90LWEtc2VjcmV0LTAwMDA=";

    @Bean
    SubjectPseudonymiser subjectPseudonymiser(LedgerProperties properties, DataSource dataSource,
                                              DataSourceProperties dataSourceProperties) {
        if (properties.pseudonymKey() == null || properties.pseudonymKey().isBlank()) {
            throw new IllegalStateException("couldn't start: set LEDGER_PSEUDONYM_KEY (ledger.pseudonym-key) to a"
                    + " base64 key of at least 32 random bytes, kept outside the database");
        }
        byte[] key = Base64.getDecoder().decode(properties.pseudonymKey().trim());
        if (MessageDigest.isEqual(key, Base64.getDecoder().decode(DEMO_PSEUDONYM_KEY))
                && !ConnectedDatabase.of(dataSource).isEmbeddedH2(dataSourceProperties.getUrl())) {
            throw new IllegalStateException("couldn't start: the demo pseudonym key is public and may be used only"
                    + " with the embedded H2 database; set LEDGER_PSEUDONYM_KEY to a secret key");
        }
        return new SubjectPseudonymiser(key);
    }

    @Bean
    @Profile("!demo")
    ServiceCredentials serviceCredentials(LedgerProperties properties, ReferenceData reference) {
        if (properties.serviceCredentials() == null) {
            throw new IllegalStateException("couldn't start: set LEDGER_SERVICE_CREDENTIALS_FILE"
                    + " (ledger.service-credentials) to the service credentials file");
        }
        return ServiceCredentials.load(properties.serviceCredentials(), reference);
    }
}
