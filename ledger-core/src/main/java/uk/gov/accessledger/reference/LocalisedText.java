package uk.gov.accessledger.reference;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Text shown to people, in plain English and optionally in Welsh.
 *
 * @param en the English text; requires non-blank
 * @param cy the Welsh text, if a translation exists; requires non-blank when present
 */
public record LocalisedText(String en, Optional<String> cy) {

    /** The ISO 639-1 language code for Welsh. */
    public static final String WELSH = "cy";

    public LocalisedText {
        if (en == null || en.isBlank()) {
            throw new IllegalArgumentException("requires non-blank English text");
        }
        Objects.requireNonNull(cy, "requires cy, possibly empty");
        if (cy.isPresent() && cy.get().isBlank()) {
            throw new IllegalArgumentException("requires Welsh text to be non-blank when present");
        }
    }

    /** Returns English-only text; requires {@code en} non-blank. */
    public static LocalisedText english(String en) {
        return new LocalisedText(en, Optional.empty());
    }

    /** Returns the Welsh text when {@code locale} is Welsh and a translation exists, else English. */
    public String in(Locale locale) {
        Objects.requireNonNull(locale, "requires a locale");
        return WELSH.equals(locale.getLanguage()) ? cy.orElse(en) : en;
    }
}
