package uk.gov.accessledger.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Standing permission for one organisation to share personal data with another, shaped like an
 * entry on the Digital Economy Act 2017 register of information sharing agreements.
 *
 * @param code                 a stable kebab-case code
 * @param name                 a short name
 * @param description          what is shared and why, in plain English
 * @param fromOrganisationCode the organisation that shares
 * @param toOrganisationCode   the organisation that receives; requires a different organisation
 * @param purposeCodes         the purposes sharing is allowed for; requires at least one
 * @param legalBasisCodes      the legal bases the sharing relies on; requires at least one
 * @param dataCategoryCodes    the data categories that may be shared; requires at least one
 * @param validFrom            the first day the agreement applies
 * @param validTo              the last day it applies, if it ends; requires a day after validFrom
 * @param register             where it is published
 */
public record SharingAgreement(
        String code,
        LocalisedText name,
        LocalisedText description,
        String fromOrganisationCode,
        String toOrganisationCode,
        List<String> purposeCodes,
        List<String> legalBasisCodes,
        List<String> dataCategoryCodes,
        LocalDate validFrom,
        Optional<LocalDate> validTo,
        RegisterEntry register) {

    public SharingAgreement {
        CodePatterns.requireKebabCase(code, "an agreement code");
        Objects.requireNonNull(name, "requires a name");
        Objects.requireNonNull(description, "requires a description");
        CodePatterns.requireKebabCase(fromOrganisationCode, "a from-organisation code");
        CodePatterns.requireKebabCase(toOrganisationCode, "a to-organisation code");
        if (fromOrganisationCode.equals(toOrganisationCode)) {
            throw new IllegalArgumentException("requires different from- and to-organisations, got "
                    + fromOrganisationCode + " for both");
        }
        purposeCodes = requireNonEmpty(
                CodePatterns.requireAll(CodePatterns.PURPOSE, purposeCodes, "a purpose code"), "purpose");
        legalBasisCodes = requireNonEmpty(
                CodePatterns.requireAll(CodePatterns.LEGAL_BASIS, legalBasisCodes, "a legal basis code"),
                "legal basis");
        dataCategoryCodes = requireNonEmpty(
                CodePatterns.requireAll(CodePatterns.DATA_CATEGORY, dataCategoryCodes, "a data category code"),
                "data category");
        Objects.requireNonNull(validFrom, "requires validFrom");
        Objects.requireNonNull(validTo, "requires validTo, possibly empty");
        if (validTo.isPresent() && !validTo.get().isAfter(validFrom)) {
            throw new IllegalArgumentException("requires validTo after validFrom, got "
                    + validTo.get() + " and " + validFrom);
        }
        Objects.requireNonNull(register, "requires a register entry");
    }

    /** Whether the agreement applies on {@code date}: validFrom and validTo both count as inside. */
    public boolean isValidOn(LocalDate date) {
        Objects.requireNonNull(date, "requires a date");
        return !date.isBefore(validFrom) && validTo.map(end -> !date.isAfter(end)).orElse(true);
    }

    /**
     * Whether the agreement covers sharing from {@code fromOrganisation} to {@code toOrganisation}
     * for {@code purpose} of every category in {@code categories} on {@code date}. Direction
     * matters: an agreement from A to B never covers sharing from B to A. An empty set of
     * categories is covered by any agreement that matches otherwise. Requires every argument
     * non-null, and no null category.
     */
    public boolean covers(
            String fromOrganisation, String toOrganisation, String purpose, Set<String> categories, LocalDate date) {
        Objects.requireNonNull(fromOrganisation, "requires a from-organisation");
        Objects.requireNonNull(toOrganisation, "requires a to-organisation");
        Objects.requireNonNull(purpose, "requires a purpose");
        Objects.requireNonNull(categories, "requires categories, possibly empty");
        categories.forEach(category -> Objects.requireNonNull(category, "requires non-null categories"));
        return fromOrganisationCode.equals(fromOrganisation)
                && toOrganisationCode.equals(toOrganisation)
                && purposeCodes.contains(purpose)
                && dataCategoryCodes.containsAll(categories)
                && isValidOn(date);
    }

    private static List<String> requireNonEmpty(List<String> codes, String what) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("requires at least one " + what);
        }
        return codes;
    }
}
