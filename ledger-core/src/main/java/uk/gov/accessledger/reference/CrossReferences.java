package uk.gov.accessledger.reference;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The checks that span files: every code a service or agreement names must be declared, and every
 * agreement must name the legal bases its data needs (an Article 6 basis; an Article 9 condition
 * for special category data; a Schedule 1 condition for criminal offence data; or, for any of
 * them, a DPA 2018 Part 3 law enforcement basis).
 */
final class CrossReferences {

    private final Map<ReferenceFile, Set<String>> declared;
    private final Map<String, LegalBasis> legalBases;
    private final Map<String, DataCategory> dataCategories;
    private final ReferenceFileErrors problems;

    /**
     * @param declared       every code each readable file declared, including items left out for
     *                       problems; no entry for a file that could not be read
     * @param legalBases     the legal bases that loaded cleanly
     * @param dataCategories the data categories that loaded cleanly
     */
    CrossReferences(
            Map<ReferenceFile, Set<String>> declared,
            List<LegalBasis> legalBases,
            List<DataCategory> dataCategories,
            ReferenceFileErrors problems) {
        this.declared = declared;
        this.legalBases = legalBases.stream().collect(Collectors.toMap(LegalBasis::code, Function.identity()));
        this.dataCategories =
                dataCategories.stream().collect(Collectors.toMap(DataCategory::code, Function.identity()));
        this.problems = problems;
    }

    void check(List<Service> services, List<SharingAgreement> agreements) {
        for (Service service : services) {
            String name = "service '" + service.code() + "'";
            requireDeclared(ReferenceFile.SERVICES, name, ReferenceFile.ORGANISATIONS, service.organisationCode());
            service.purposeCodes().forEach(code ->
                    requireDeclared(ReferenceFile.SERVICES, name, ReferenceFile.PURPOSES, code));
        }
        for (SharingAgreement agreement : agreements) {
            String name = "agreement '" + agreement.code() + "'";
            requireDeclared(ReferenceFile.AGREEMENTS, name, ReferenceFile.ORGANISATIONS,
                    agreement.fromOrganisationCode());
            requireDeclared(ReferenceFile.AGREEMENTS, name, ReferenceFile.ORGANISATIONS,
                    agreement.toOrganisationCode());
            agreement.purposeCodes().forEach(code ->
                    requireDeclared(ReferenceFile.AGREEMENTS, name, ReferenceFile.PURPOSES, code));
            agreement.legalBasisCodes().forEach(code ->
                    requireDeclared(ReferenceFile.AGREEMENTS, name, ReferenceFile.LEGAL_BASES, code));
            agreement.dataCategoryCodes().forEach(code ->
                    requireDeclared(ReferenceFile.AGREEMENTS, name, ReferenceFile.DATA_CATEGORIES, code));
            checkLawfulBasis(name, agreement);
        }
    }

    private void requireDeclared(ReferenceFile file, String name, ReferenceFile target, String code) {
        // No entry means the target file itself could not be read; that is reported already,
        // and calling every reference into it unknown would bury the one real problem.
        Set<String> codes = declared.get(target);
        if (codes != null && !codes.contains(code)) {
            problems.add(file, name + " names unknown " + target.itemNoun() + " '" + code + "'");
        }
    }

    private void checkLawfulBasis(String name, SharingAgreement agreement) {
        // Judge only agreements whose every basis and category loaded cleanly; anything else has
        // already been reported, and judging a partial list would add misleading problems.
        if (!legalBases.keySet().containsAll(agreement.legalBasisCodes())
                || !dataCategories.keySet().containsAll(agreement.dataCategoryCodes())) {
            return;
        }
        Set<LegalBasisKind> kinds = agreement.legalBasisCodes().stream()
                .map(code -> legalBases.get(code).kind())
                .collect(Collectors.toSet());
        boolean lawEnforcement = kinds.contains(LegalBasisKind.DPA_2018_PART_3);
        if (!lawEnforcement && !kinds.contains(LegalBasisKind.UK_GDPR_ARTICLE_6)) {
            problems.add(ReferenceFile.AGREEMENTS,
                    name + " names no UK GDPR Article 6 basis or DPA 2018 Part 3 basis");
        }
        List<String> special = categoriesWhere(agreement, DataCategory::special);
        if (!special.isEmpty() && !lawEnforcement && !kinds.contains(LegalBasisKind.UK_GDPR_ARTICLE_9)) {
            problems.add(ReferenceFile.AGREEMENTS, name + " shares special category data ("
                    + String.join(", ", special)
                    + ") but names no UK GDPR Article 9 condition or DPA 2018 Part 3 basis");
        }
        List<String> criminal = categoriesWhere(agreement, DataCategory::criminal);
        if (!criminal.isEmpty() && !lawEnforcement && !kinds.contains(LegalBasisKind.DPA_2018_SCHEDULE_1)) {
            problems.add(ReferenceFile.AGREEMENTS, name + " shares criminal offence data ("
                    + String.join(", ", criminal)
                    + ") but names no DPA 2018 Schedule 1 condition or Part 3 basis");
        }
    }

    private List<String> categoriesWhere(SharingAgreement agreement, Predicate<DataCategory> test) {
        return agreement.dataCategoryCodes().stream().filter(code -> test.test(dataCategories.get(code))).toList();
    }
}
