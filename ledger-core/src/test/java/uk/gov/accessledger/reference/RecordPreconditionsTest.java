package uk.gov.accessledger.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Records built in code enforce the same rules the loader reports, so no invalid one can exist. */
class RecordPreconditionsTest {

    private static final LocalisedText TEXT = LocalisedText.english("Text");
    private static final RegisterEntry REGISTER = new RegisterEntry("Register", "R-1", Optional.empty(), true);

    private static SharingAgreement agreement(String from, String to, LocalDate validFrom, LocalDate validTo) {
        return new SharingAgreement("a-b", TEXT, TEXT, from, to, List.of("al:DirectCare"),
                List.of("ukgdpr:6.1.e"), List.of("pd:Name"), validFrom, Optional.ofNullable(validTo), REGISTER);
    }

    @Test
    void acceptsAWellFormedAgreement() {
        SharingAgreement agreement = agreement("gp-a", "trust-b", LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 2));

        assertThat(agreement.isValidOn(LocalDate.of(2024, 4, 2))).isTrue();
        assertThat(agreement.isValidOn(LocalDate.of(2024, 4, 3))).isFalse();
    }

    @Test
    void rejectsAnAgreementBetweenAnOrganisationAndItself() {
        assertThatThrownBy(() -> agreement("gp-a", "gp-a", LocalDate.of(2024, 4, 1), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires different from- and to-organisations, got gp-a for both");
    }

    @Test
    void rejectsAnAgreementThatEndsOnOrBeforeItStarts() {
        LocalDate start = LocalDate.of(2024, 4, 1);

        assertThatThrownBy(() -> agreement("gp-a", "trust-b", start, start))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires validTo after validFrom, got 2024-04-01 and 2024-04-01");
    }

    @Test
    void rejectsMalformedCodes() {
        assertThatThrownBy(() -> new Purpose("ServiceProvision", TEXT, TEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("requires a purpose code");
        assertThatThrownBy(() -> new Service("svc", "Org A", TEXT, TEXT, List.of("al:DirectCare")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires an organisation code in kebab-case, got Org A");
        assertThatThrownBy(() -> new IcoRegistration("A1234567", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requires an ICO registration number");
    }

    @Test
    void rejectsAServiceWithNoPurposes() {
        assertThatThrownBy(() -> new Service("svc", "org-a", TEXT, TEXT, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requires at least one purpose");
    }

    @Test
    void rejectsLinksThatAreNotHttps() {
        assertThatThrownBy(() -> new LegalBasis("ukgdpr:6.1.e", LegalBasisKind.UK_GDPR_ARTICLE_6, TEXT, TEXT,
                        URI.create("http://www.legislation.gov.uk/eur/2016/679/article/6")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("requires an https legislation URL");
        assertThatThrownBy(() -> new RegisterEntry("Register", "R-1", Optional.of(URI.create("ftp://x.example")), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("requires an https register URL");
    }

    @Test
    void copiesListsSoCallersCannotChangeARecord() {
        ArrayList<String> purposes = new ArrayList<>(List.of("al:DirectCare"));
        Service service = new Service("svc", "org-a", TEXT, TEXT, purposes);

        purposes.add("al:Safeguarding");

        assertThat(service.purposeCodes()).containsExactly("al:DirectCare");
        assertThatThrownBy(() -> service.purposeCodes().add("al:Safeguarding"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
