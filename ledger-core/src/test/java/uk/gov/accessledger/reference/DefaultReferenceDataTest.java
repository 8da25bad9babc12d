package uk.gov.accessledger.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reference data bundled in {@code src/main/resources/reference/} loads and means what it says. */
class DefaultReferenceDataTest {

    private static final ReferenceData DATA = ReferenceData.loadDefault();
    private static final LocalDate PUBLISHED = LocalDate.of(2026, 11, 25);

    @Test
    void carriesAVersionOfPublicationDateAndReleaseNumber() {
        assertThat(DATA.version()).matches(CodePatterns.VERSION.pattern()).isEqualTo("2026-11-25.1");
    }

    @Test
    void holdsAStarterSetOfUkPublicBodies() {
        assertThat(DATA.organisations()).extracting(Organisation::code).contains(
                "nhs-gp-riverside", "nhs-trust-riverside", "nhs-england", "dwp", "hmrc", "council-riverside",
                "police-riverside");
        assertThat(DATA.organisations()).extracting(Organisation::type).contains(OrganisationType.values());
        assertThat(DATA.organisation("dwp").orElseThrow().name().en()).isEqualTo("Department for Work and Pensions");
        assertThat(DATA.organisation("hmrc").orElseThrow().name().in(Locale.forLanguageTag("cy")))
                .isEqualTo("Cyllid a Thollau EF");
    }

    @Test
    void marksEveryIcoRegistrationAsAnExample() {
        assertThat(DATA.organisations()).allSatisfy(organisation -> {
            assertThat(organisation.icoRegistration().example()).isTrue();
            // ZX is a prefix the ICO has not issued, so no made-up number can be a real registration.
            assertThat(organisation.icoRegistration().number()).startsWith("ZX");
        });
    }

    @Test
    void everyServiceHasAtLeastOnePurposeAndBelongsToAKnownOrganisation() {
        assertThat(DATA.services()).isNotEmpty().allSatisfy(service -> {
            assertThat(service.purposeCodes()).as(service.code()).isNotEmpty();
            assertThat(DATA.organisation(service.organisationCode())).as(service.code()).isPresent();
            service.purposeCodes().forEach(code -> assertThat(DATA.purpose(code)).as(code).isPresent());
        });
    }

    @Test
    void everyOrganisationHasAtLeastOneService() {
        assertThat(DATA.organisations()).allSatisfy(organisation ->
                assertThat(DATA.servicesOf(organisation.code())).as(organisation.code()).isNotEmpty());
    }

    @Test
    void findsAServiceAndThePurposesItIsRegisteredFor() {
        Service universalCredit = DATA.service("dwp-universal-credit").orElseThrow();

        assertThat(universalCredit.organisationCode()).isEqualTo("dwp");
        assertThat(universalCredit.purposeCodes()).contains("al:BenefitEligibility", "dpv:IdentityVerification");
        assertThat(DATA.isPurposeRegistered("dwp-universal-credit", "al:BenefitEligibility")).isTrue();
        assertThat(DATA.isPurposeRegistered("gp-riverside-online-services", "al:DirectCare")).isFalse();
    }

    @Test
    void describesPurposesInPlainEnglishForCitizens() {
        assertThat(DATA.purpose("al:BenefitEligibility").orElseThrow().description().en())
                .isEqualTo("To check whether you can get a benefit, and how much.");
        assertThat(DATA.purposes()).allSatisfy(purpose ->
                assertThat(purpose.description().en()).as(purpose.code()).matches("^(To|For|Because) .+\\.$"));
    }

    @Test
    void linksEveryLegalBasisToLegislationGovUk() {
        assertThat(DATA.legalBases()).allSatisfy(basis ->
                assertThat(basis.legislation().toString()).as(basis.code())
                        .startsWith("https://www.legislation.gov.uk/"));
        assertThat(DATA.legalBasis("dea2017:s35").orElseThrow().legislation())
                .hasToString("https://www.legislation.gov.uk/ukpga/2017/30/section/35");
        assertThat(DATA.legalBasis("dpa2018:s35").orElseThrow().kind()).isEqualTo(LegalBasisKind.DPA_2018_PART_3);
    }

    @Test
    void coversEveryUkGdprArticle6BasisAndArticle9Condition() {
        for (char letter = 'a'; letter <= 'f'; letter++) {
            assertThat(DATA.legalBasis("ukgdpr:6.1." + letter)).map(LegalBasis::kind)
                    .contains(LegalBasisKind.UK_GDPR_ARTICLE_6);
        }
        for (char letter = 'a'; letter <= 'j'; letter++) {
            assertThat(DATA.legalBasis("ukgdpr:9.2." + letter)).map(LegalBasis::kind)
                    .contains(LegalBasisKind.UK_GDPR_ARTICLE_9);
        }
    }

    @Test
    void flagsSpecialCategoryAndCriminalOffenceData() {
        assertThat(DATA.dataCategory("pd:HealthRecord").orElseThrow().special()).isTrue();
        assertThat(DATA.dataCategory("pd:Criminal").orElseThrow().criminal()).isTrue();
        DataCategory contact = DATA.dataCategory("pd:Contact").orElseThrow();
        assertThat(contact.special()).isFalse();
        assertThat(contact.criminal()).isFalse();
    }

    @Test
    void phrasesActionsInThePastTenseForCitizens() {
        assertThat(DATA.action("dpv:Consult").orElseThrow().pastTense().en()).isEqualTo("looked at");
        assertThat(DATA.action("dpv:Alter").orElseThrow().pastTense().en()).isEqualTo("changed");
        assertThat(DATA.actions()).extracting(ProcessingAction::code).contains(
                "dpv:Consult", "dpv:Use", "dpv:Alter", "dpv:Disclose", "dpv:Share", "dpv:Transfer", "dpv:Erase");
    }

    @Test
    void returnsNothingForUnknownCodes() {
        assertThat(DATA.organisation("no-such-organisation")).isEmpty();
        assertThat(DATA.service("no-such-service")).isEmpty();
        assertThat(DATA.purpose("al:NoSuchPurpose")).isEmpty();
        assertThat(DATA.legalBasis("ukgdpr:6.1.z")).isEmpty();
        assertThat(DATA.dataCategory("pd:NoSuchCategory")).isEmpty();
        assertThat(DATA.action("dpv:NoSuchAction")).isEmpty();
        assertThat(DATA.agreement("no-such-agreement")).isEmpty();
        assertThat(DATA.servicesOf("no-such-organisation")).isEmpty();
        assertThatThrownBy(() -> DATA.purpose(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requires a code");
    }

    @Test
    void keepsTheOrderOfTheFilesAndCannotBeChanged() {
        assertThat(DATA.organisations().get(0).code()).isEqualTo("nhs-gp-riverside");
        assertThatThrownBy(() -> DATA.organisations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void coversTheDemoSharingDecisions() {
        assertThat(DATA.agreementCovering("dwp", "council-riverside", "al:BenefitEligibility",
                Set.of("pd:Name", "pd:Income", "al:BenefitAward"), PUBLISHED))
                .map(SharingAgreement::code).contains("dwp-council-riverside-housing-benefit");
        assertThat(DATA.agreementCovering("hmrc", "dwp", "al:BenefitEligibility",
                Set.of("pd:Income", "pd:CurrentEmployment"), PUBLISHED))
                .map(SharingAgreement::code).contains("hmrc-dwp-universal-credit-earnings");
        assertThat(DATA.agreementCovering("nhs-gp-riverside", "nhs-trust-riverside", "al:DirectCare",
                Set.of("pd:HealthRecord", "pd:Prescription"), PUBLISHED))
                .map(SharingAgreement::code).contains("gp-riverside-trust-direct-care");
        assertThat(DATA.agreementCovering("police-riverside", "council-riverside", "al:Safeguarding",
                Set.of("al:SafeguardingConcern", "pd:Criminal"), PUBLISHED))
                .map(SharingAgreement::code).contains("police-council-riverside-safeguarding");
        assertThat(DATA.agreementCovering("council-riverside", "dwp", "dpv:FraudPreventionAndDetection",
                Set.of("pd:Name", "al:HousingTenancy"), PUBLISHED))
                .map(SharingAgreement::code).contains("council-riverside-dwp-housing-fraud");
    }

    @Test
    void leavesTheDemoPolicyExceptionsUncovered() {
        // The council tax debt pilot ended on 2025-03-31.
        assertThat(DATA.agreementCovering("hmrc", "council-riverside", "al:DebtRecovery",
                Set.of("pd:CurrentEmployment"), LocalDate.of(2024, 6, 1))).isPresent();
        assertThat(DATA.agreementCovering("hmrc", "council-riverside", "al:DebtRecovery",
                Set.of("pd:CurrentEmployment"), PUBLISHED)).isEmpty();
        // The housing benefit agreement does not cover health records.
        assertThat(DATA.agreementCovering("dwp", "council-riverside", "al:BenefitEligibility",
                Set.of("pd:HealthRecord"), PUBLISHED)).isEmpty();
        // No agreement lets the council send the police data for benefit checks.
        assertThat(DATA.agreementCovering("council-riverside", "police-riverside", "al:BenefitEligibility",
                Set.of("pd:Name"), PUBLISHED)).isEmpty();
    }
}
