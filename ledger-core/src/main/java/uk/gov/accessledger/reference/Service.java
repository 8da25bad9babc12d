package uk.gov.accessledger.reference;

import java.util.List;
import java.util.Objects;

/**
 * A system, run by one organisation, that records events in the ledger.
 *
 * @param code             a stable kebab-case code
 * @param organisationCode the code of the organisation that runs it
 * @param name             what citizens would call it
 * @param description      what it does, in plain English
 * @param purposeCodes     the purposes it is registered for; requires at least one
 */
public record Service(
        String code,
        String organisationCode,
        LocalisedText name,
        LocalisedText description,
        List<String> purposeCodes) {

    public Service {
        CodePatterns.requireKebabCase(code, "a service code");
        CodePatterns.requireKebabCase(organisationCode, "an organisation code");
        Objects.requireNonNull(name, "requires a name");
        Objects.requireNonNull(description, "requires a description");
        purposeCodes = CodePatterns.requireAll(CodePatterns.PURPOSE, purposeCodes, "a purpose code");
        if (purposeCodes.isEmpty()) {
            throw new IllegalArgumentException("requires at least one purpose");
        }
    }

    /** Whether the service is registered for {@code purposeCode}; requires non-null. */
    public boolean isRegisteredFor(String purposeCode) {
        Objects.requireNonNull(purposeCode, "requires a purpose code");
        return purposeCodes.contains(purposeCode);
    }
}
