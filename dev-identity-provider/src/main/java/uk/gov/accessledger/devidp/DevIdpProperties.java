package uk.gov.accessledger.devidp;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the development identity provider (docs/configuration.md, "The development identity provider").
 *
 * @param issuer        the issuer URL put in tokens; blank means "the URL the request came to"
 * @param clientId      the portal's client id
 * @param clientSecret  the portal's client secret: a public demo value, this provider is demo-only
 * @param redirectUris  where the portal may receive authorisation codes
 * @param postLogoutRedirectUris where the portal may send a citizen after sign-out
 * @param audience      the audience access tokens name: the ledger API's
 * @param citizenClaim  the access-token claim carrying the citizen's NHS number
 * @param password      the password of every demo citizen: a public demo value
 */
@ConfigurationProperties("dev-idp")
record DevIdpProperties(String issuer, String clientId, String clientSecret, List<String> redirectUris,
                        List<String> postLogoutRedirectUris, String audience, String citizenClaim,
                        String password) {
}
