package uk.gov.accessledger.reference;

import java.net.URI;
import java.util.Objects;

/**
 * A provision of law that allows data to be used or shared.
 *
 * @param code        such as {@code ukgdpr:6.1.e}, {@code dpa2018:sch1.p18} or {@code dea2017:s35}
 * @param kind        which part of the law it comes from
 * @param label       a short name
 * @param description what it means for a citizen, in plain English
 * @param legislation where the text of the law is published; requires https
 */
public record LegalBasis(
        String code, LegalBasisKind kind, LocalisedText label, LocalisedText description, URI legislation) {

    public LegalBasis {
        CodePatterns.require(CodePatterns.LEGAL_BASIS, code, "a legal basis code");
        Objects.requireNonNull(kind, "requires a kind");
        Objects.requireNonNull(label, "requires a label");
        Objects.requireNonNull(description, "requires a description");
        if (legislation == null || !"https".equals(legislation.getScheme()) || legislation.getHost() == null) {
            throw new IllegalArgumentException("requires an https legislation URL, got " + legislation);
        }
    }
}
