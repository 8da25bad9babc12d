package uk.gov.accessledger.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The two policy checks, on the small fixture: agreement gp-a-trust-b-care runs from 2024-04-01 to
 * 2025-03-31 for al:DirectCare of pd:Name and pd:HealthRecord; trust-b-council-c-safeguarding is
 * open-ended from 2024-01-01.
 */
class PolicyChecksTest {

    private static final ReferenceData DATA = ReferenceData.loadFromClasspath(ReferenceFixtures.FIXTURE_FOLDER);
    private static final LocalDate IN_FORCE = LocalDate.of(2024, 10, 1);
    private static final Set<String> NAME_AND_HEALTH = Set.of("pd:Name", "pd:HealthRecord");

    @Test
    void coversSharingThatMatchesOrganisationsPurposeCategoriesAndDate() {
        assertThat(DATA.agreementCovering("gp-a", "trust-b", "al:DirectCare", NAME_AND_HEALTH, IN_FORCE))
                .map(SharingAgreement::code)
                .contains("gp-a-trust-b-care");
    }

    @Test
    void coversSharingOfSomeOfTheListedCategories() {
        assertThat(DATA.agreementCovering("gp-a", "trust-b", "al:DirectCare", Set.of("pd:HealthRecord"), IN_FORCE))
                .isPresent();
    }

    @Test
    void coversOnTheFirstAndLastDayOfTheAgreement() {
        assertThat(DATA.agreementCovering("gp-a", "trust-b", "al:DirectCare", NAME_AND_HEALTH,
                LocalDate.of(2024, 4, 1))).isPresent();
        assertThat(DATA.agreementCovering("gp-a", "trust-b", "al:DirectCare", NAME_AND_HEALTH,
                LocalDate.of(2025, 3, 31))).isPresent();
    }

    @Test
    void doesNotCoverTheDayBeforeTheAgreementStarts() {
        assertThat(DATA.agreementCovering("gp-a", "trust-b", "al:DirectCare", NAME_AND_HEALTH,
                LocalDate.of(2024, 3, 31))).isEmpty();
    }

    @Test
    void doesNotCoverTheDayAfterTheAgreementEnds() {
        assertThat(DATA.agreementCovering("gp-a", "trust-b", "al:DirectCare", NAME_AND_HEALTH,
                LocalDate.of(2025, 4, 1))).isEmpty();
    }

    @Test
    void coversAnOpenEndedAgreementFarIntoTheFutureButNotBeforeItStarts() {
        Set<String> name = Set.of("pd:Name");
        assertThat(DATA.agreementCovering("trust-b", "council-c", "al:Safeguarding", name,
                LocalDate.of(2099, 12, 31))).isPresent();
        assertThat(DATA.agreementCovering("trust-b", "council-c", "al:Safeguarding", name,
                LocalDate.of(2023, 12, 31))).isEmpty();
    }

    @Test
    void doesNotCoverACategoryTheAgreementDoesNotList() {
        Set<String> withCriminal = Set.of("pd:Name", "pd:HealthRecord", "pd:Criminal");

        assertThat(DATA.agreementCovering("gp-a", "trust-b", "al:DirectCare", withCriminal, IN_FORCE)).isEmpty();
    }

    @Test
    void doesNotCoverAPurposeTheAgreementDoesNotList() {
        assertThat(DATA.agreementCovering("gp-a", "trust-b", "al:Safeguarding", NAME_AND_HEALTH, IN_FORCE))
                .isEmpty();
        assertThat(DATA.agreementCovering("gp-a", "trust-b", "dpv:ServiceProvision", NAME_AND_HEALTH, IN_FORCE))
                .isEmpty();
    }

    @Test
    void doesNotCoverSharingInTheOtherDirection() {
        assertThat(DATA.agreementCovering("trust-b", "gp-a", "al:DirectCare", NAME_AND_HEALTH, IN_FORCE)).isEmpty();
    }

    @Test
    void doesNotCoverUnknownOrganisations() {
        assertThat(DATA.agreementCovering("gp-a", "nobody", "al:DirectCare", NAME_AND_HEALTH, IN_FORCE)).isEmpty();
    }

    @Test
    void coversAnEmptySetOfCategoriesWhenEverythingElseMatches() {
        assertThat(DATA.agreementCovering("gp-a", "trust-b", "al:DirectCare", Set.of(), IN_FORCE)).isPresent();
    }

    @Test
    void rejectsMissingArgumentsToTheAgreementCheck() {
        Set<String> withNull = new HashSet<>();
        withNull.add(null);

        assertThatThrownBy(() -> DATA.agreementCovering(null, "trust-b", "al:DirectCare", NAME_AND_HEALTH, IN_FORCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requires a from-organisation code");
        assertThatThrownBy(() -> DATA.agreementCovering("gp-a", "trust-b", "al:DirectCare", NAME_AND_HEALTH, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requires a date");
        assertThatThrownBy(() -> DATA.agreementCovering("gp-a", "trust-b", "al:DirectCare", withNull, IN_FORCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requires non-null data category codes");
    }

    @Test
    void findsPurposesAServiceIsRegisteredFor() {
        assertThat(DATA.isPurposeRegistered("trust-b-record", "al:DirectCare")).isTrue();
        assertThat(DATA.isPurposeRegistered("trust-b-record", "al:Safeguarding")).isTrue();
    }

    @Test
    void doesNotFindPurposesAServiceIsNotRegisteredFor() {
        assertThat(DATA.isPurposeRegistered("gp-a-record", "al:Safeguarding")).isFalse();
        assertThat(DATA.isPurposeRegistered("gp-a-record", "dpv:ServiceProvision")).isFalse();
    }

    @Test
    void treatsUnknownServicesAndPurposesAsNotRegistered() {
        assertThat(DATA.isPurposeRegistered("no-such-service", "al:DirectCare")).isFalse();
        assertThat(DATA.isPurposeRegistered("gp-a-record", "al:NoSuchPurpose")).isFalse();
    }

    @Test
    void rejectsMissingArgumentsToThePurposeCheck() {
        assertThatThrownBy(() -> DATA.isPurposeRegistered(null, "al:DirectCare"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requires a service code");
        assertThatThrownBy(() -> DATA.isPurposeRegistered("gp-a-record", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requires a purpose code");
    }
}
