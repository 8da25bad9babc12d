package uk.gov.accessledger.reference;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a data-sharing agreement is published, such as the Digital Economy Act register.
 *
 * @param name      the register's name; requires non-blank
 * @param reference the agreement's reference on that register; requires non-blank
 * @param url       the register's address, if it has one; requires https
 * @param example   true when the reference is made up for demonstration
 */
public record RegisterEntry(String name, String reference, Optional<URI> url, boolean example) {

    public RegisterEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("requires a register name");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("requires a register reference");
        }
        Objects.requireNonNull(url, "requires url, possibly empty");
        url.ifPresent(u -> {
            if (!"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("requires an https register URL, got " + u);
            }
        });
    }
}
