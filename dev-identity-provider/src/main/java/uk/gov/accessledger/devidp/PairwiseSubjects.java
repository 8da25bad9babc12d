package uk.gov.accessledger.devidp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code sub} of a citizen's tokens: a pairwise subject identifier (OpenID Connect Core 1.0
 * section 8.1), as GOV.UK One Login gives, never the NHS number the citizen signs in with.
 * HMAC-SHA-256, under a key made at each start, of the client id and the user name: stable for a
 * citizen and a client while the provider runs, different for another client, and unlinkable to
 * the NHS number without the key.
 */
final class PairwiseSubjects {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private final SecretKeySpec key;

    PairwiseSubjects(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, HMAC_SHA256);
    }

    /** The {@code sub} of user {@code username} at client {@code clientId}: 43 base64url characters. */
    String of(String clientId, String username) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            mac.update(clientId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("couldn't compute a pairwise subject: " + e.getMessage(), e);
        }
    }
}
