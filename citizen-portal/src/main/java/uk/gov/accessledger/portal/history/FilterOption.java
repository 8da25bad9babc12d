package uk.gov.accessledger.portal.history;

/** One choice of a filter's select: the code sent and the text shown. Public: templates read it. */
public record FilterOption(String value, String text) {
}
