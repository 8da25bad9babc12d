package uk.gov.accessledger.reference;

import java.util.Objects;

/**
 * A controller: a public body whose services record events in the ledger.
 *
 * @param code            a stable kebab-case code such as {@code nhs-gp-riverside}
 * @param name            the organisation's name as citizens know it
 * @param type            the kind of body
 * @param icoRegistration its entry on the ICO register of fee payers
 */
public record Organisation(String code, LocalisedText name, OrganisationType type, IcoRegistration icoRegistration) {

    public Organisation {
        CodePatterns.requireKebabCase(code, "an organisation code");
        Objects.requireNonNull(name, "requires a name");
        Objects.requireNonNull(type, "requires a type");
        Objects.requireNonNull(icoRegistration, "requires an ICO registration");
    }
}
