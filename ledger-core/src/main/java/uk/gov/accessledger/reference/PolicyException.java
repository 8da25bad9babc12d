package uk.gov.accessledger.reference;

import java.util.Arrays;
import java.util.Optional;

/**
 * The policy rules an entry can break, each with the code recorded in the entry's
 * {@code policyExceptions} (docs/entry-format.md, "Policy exceptions") and the plain-English label
 * and description a citizen is shown. The one definition of those codes.
 */
public enum PolicyException {

    /** An access for a purpose the service is not registered for. */
    PURPOSE_NOT_REGISTERED_FOR_SERVICE("purpose-not-registered-for-service", "Purpose not registered",
            "The service that used your data is not registered to use it for this purpose."),
    /** An approved sharing decision that names no agreement, and no agreement covers it. */
    NO_COVERING_AGREEMENT("no-covering-agreement", "No data-sharing agreement",
            "No published data-sharing agreement covers this sharing."),
    /** An approved sharing decision whose named agreement does not cover it. */
    AGREEMENT_DOES_NOT_COVER("agreement-does-not-cover", "Agreement does not cover this",
            "The data-sharing agreement named does not cover this purpose, data or date.");

    private final String code;
    private final String label;
    private final String description;

    PolicyException(String code, String label, String description) {
        this.code = code;
        this.label = label;
        this.description = description;
    }

    /** The code in an entry's {@code policyExceptions}, e.g. {@code no-covering-agreement}. */
    public String code() {
        return code;
    }

    /** A short English name for the rule broken. */
    public String label() {
        return label;
    }

    /** One English sentence saying what went wrong, for the citizen. */
    public String description() {
        return description;
    }

    /** The exception {@code code} names; empty for null or any other text. */
    public static Optional<PolicyException> of(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
