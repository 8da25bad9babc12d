package uk.gov.accessledger.reference;

import java.util.Objects;

/**
 * What was done with data: a DPV processing type.
 *
 * @param code        such as {@code dpv:Consult}
 * @param label       a short name, such as "View"
 * @param pastTense   the verb phrase for "[organisation] ___ your [data]", such as "looked at"
 * @param description what it means, in plain English
 */
public record ProcessingAction(
        String code, LocalisedText label, LocalisedText pastTense, LocalisedText description) {

    public ProcessingAction {
        CodePatterns.require(CodePatterns.ACTION, code, "an action code");
        Objects.requireNonNull(label, "requires a label");
        Objects.requireNonNull(pastTense, "requires a past tense");
        Objects.requireNonNull(description, "requires a description");
    }
}
