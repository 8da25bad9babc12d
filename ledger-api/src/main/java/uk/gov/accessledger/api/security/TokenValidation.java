package uk.gov.accessledger.api.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The checks every bearer token passes besides its signature: an expiry that has not passed (a
 * token without one is refused, since a stream lives as long as its token), issuer, audience.
 */
public final class TokenValidation {

    private TokenValidation() {
    }

    /**
     * Requires an {@code exp} claim and the token's audience to include {@code audience}; checks
     * issuer when given.
     */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> base = issuer == null || issuer.isBlank()
                ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer);
        OAuth2TokenValidator<Jwt> audienceCheck = token -> token.getAudience() != null
                && token.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "token audience does not include " + audience, null));
        OAuth2TokenValidator<Jwt> expiryRequired = token -> token.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "token has no expiry", null));
        return new DelegatingOAuth2TokenValidator<>(expiryRequired, base, audienceCheck);
    }
}
