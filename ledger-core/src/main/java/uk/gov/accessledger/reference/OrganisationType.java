package uk.gov.accessledger.reference;

import java.util.Arrays;
import java.util.Optional;

/** The kind of public body an organisation is. */
public enum OrganisationType {
    GP_PRACTICE("gp-practice", "GP practice"),
    NHS_TRUST("nhs-trust", "NHS trust"),
    NHS_BODY("nhs-body", "national NHS body"),
    GOVERNMENT_DEPARTMENT("government-department", "government department"),
    LOCAL_AUTHORITY("local-authority", "council"),
    POLICE_FORCE("police-force", "police force");

    private final String code;
    private final String label;

    OrganisationType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code used in the YAML files, such as {@code gp-practice}. */
    public String code() {
        return code;
    }

    /** A plain-English name for the kind of body, such as "GP practice". */
    public String label() {
        return label;
    }

    /** Returns the type whose {@link #code()} is {@code code}, if any. */
    public static Optional<OrganisationType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
