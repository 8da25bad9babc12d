package uk.gov.accessledger.portal.history;

/** A row of a GOV.UK summary list: a key, a value, an optional hint and an optional link. */
public record SummaryRow(String key, String value, String hint, String href, String linkText) {

    static SummaryRow of(String key, String value) {
        return new SummaryRow(key, value, null, null, null);
    }

    static SummaryRow of(String key, String value, String hint) {
        return new SummaryRow(key, value, hint, null, null);
    }
}
