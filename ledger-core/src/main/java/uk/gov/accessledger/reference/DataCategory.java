package uk.gov.accessledger.reference;

import java.util.Objects;

/**
 * A kind of personal data.
 *
 * @param code        a DPV personal data term such as {@code pd:HealthRecord}, or a project term
 * @param label       a short name
 * @param description what it covers, in plain English
 * @param special     whether it is special category data (UK GDPR Article 9)
 * @param criminal    whether it is criminal offence data (UK GDPR Article 10)
 */
public record DataCategory(
        String code, LocalisedText label, LocalisedText description, boolean special, boolean criminal) {

    public DataCategory {
        CodePatterns.require(CodePatterns.DATA_CATEGORY, code, "a data category code");
        Objects.requireNonNull(label, "requires a label");
        Objects.requireNonNull(description, "requires a description");
    }
}
