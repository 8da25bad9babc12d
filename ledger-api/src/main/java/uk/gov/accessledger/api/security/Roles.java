package uk.gov.accessledger.api.security;

/** The roles of the API, as Spring Security role names (without the ROLE_ prefix). */
public final class Roles {

    public static final String SERVICE = "SERVICE";
    public static final String CITIZEN = "CITIZEN";
    public static final String AUDITOR = "AUDITOR";
    public static final String OPERATOR = "OPERATOR";

    private Roles() {
    }
}
