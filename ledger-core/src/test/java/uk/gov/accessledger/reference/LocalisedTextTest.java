package uk.gov.accessledger.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalisedTextTest {

    private static final Locale WELSH = Locale.forLanguageTag("cy-GB");

    @Test
    void givesWelshToWelshReadersWhenThereIsATranslation() {
        LocalisedText text = new LocalisedText("HM Revenue and Customs", Optional.of("Cyllid a Thollau EF"));

        assertThat(text.in(WELSH)).isEqualTo("Cyllid a Thollau EF");
        assertThat(text.in(Locale.UK)).isEqualTo("HM Revenue and Customs");
    }

    @Test
    void fallsBackToEnglishWhenThereIsNoTranslation() {
        assertThat(LocalisedText.english("Riverside Police").in(WELSH)).isEqualTo("Riverside Police");
    }

    @Test
    void rejectsBlankText() {
        assertThatThrownBy(() -> LocalisedText.english(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requires non-blank English text");
        assertThatThrownBy(() -> new LocalisedText("Name", Optional.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires Welsh text to be non-blank when present");
    }

    @Test
    void readsWelshFromTheYamlMappingForm() {
        ReferenceData data = ReferenceData.loadFromClasspath(ReferenceFixtures.FIXTURE_FOLDER);

        assertThat(data.organisation("gp-a").orElseThrow().name().cy()).contains("Meddygfa A");
        assertThat(data.action("dpv:Consult").orElseThrow().pastTense().in(WELSH)).isEqualTo("edrychodd ar");
        assertThat(data.organisation("trust-b").orElseThrow().name().cy()).isEmpty();
    }
}
