package uk.gov.accessledger.portal.history;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters a citizen chose, each already checked against the reference data (an unknown value
 * is null: "any"). Public because the templates read it.
 */
public record Filters(String organisation, String purpose, String kind, String period) {

    void addTo(UriComponentsBuilder u) {
        if (organisation != null) {
            u.queryParam("organisation", organisation);
        }
        if (purpose != null) {
            u.queryParam("purpose", purpose);
        }
        if (kind != null) {
            u.queryParam("kind", kind);
        }
        if (period != null) {
            u.queryParam("period", period);
        }
    }

    public boolean any() {
        return organisation != null || purpose != null || kind != null || period != null;
    }
}
