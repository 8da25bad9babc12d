package uk.gov.accessledger.api.security;

/** An authenticated service: it may record and read only as {@code organisation}. */
public record ServicePrincipal(String service, String organisation) {
}
