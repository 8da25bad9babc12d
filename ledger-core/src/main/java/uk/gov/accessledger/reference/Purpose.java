package uk.gov.accessledger.reference;

import java.util.Objects;

/**
 * Why data was used or shared.
 *
 * @param code        a DPV purpose such as {@code dpv:IdentityVerification}, or a project purpose
 *                    such as {@code al:BenefitEligibility}
 * @param label       a short name
 * @param description what a citizen reads, such as "To check whether you can get a benefit"
 */
public record Purpose(String code, LocalisedText label, LocalisedText description) {

    public Purpose {
        CodePatterns.require(CodePatterns.PURPOSE, code, "a purpose code");
        Objects.requireNonNull(label, "requires a label");
        Objects.requireNonNull(description, "requires a description");
    }
}
