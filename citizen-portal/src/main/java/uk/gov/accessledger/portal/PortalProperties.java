package uk.gov.accessledger.portal;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param ledgerApiUrl where ledger-api listens, e.g. {@code http://localhost:8080} */
@ConfigurationProperties("portal")
public record PortalProperties(URI ledgerApiUrl) {
}
