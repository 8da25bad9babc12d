package uk.gov.accessledger.subject;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A citizen's real identifier in canonical form. Never logged, never stored: {@link #toString()}
 * redacts the value so it cannot leak through a log line or an exception message.
 */
public final class CitizenIdentifier {

    private final IdentifierScheme scheme;
    private final String value;

    private CitizenIdentifier(IdentifierScheme scheme, String value) {
        this.scheme = scheme;
        this.value = value;
    }

    /**
     * Parses an identifier given as scheme code and value.
     *
     * @throws InvalidIdentifierException naming {@code scheme} or {@code id} when either is wrong;
     *     the message never contains the value itself
     */
    public static CitizenIdentifier parse(String schemeCode, String rawValue) {
        if (schemeCode == null || schemeCode.isBlank()) {
            throw new InvalidIdentifierException("scheme", "is required");
        }
        IdentifierScheme scheme = IdentifierScheme.fromCode(schemeCode)
                .orElseThrow(() -> new InvalidIdentifierException("scheme",
                        "must be one of " + Arrays.stream(IdentifierScheme.values())
                                .map(IdentifierScheme::code).collect(Collectors.joining(", "))));
        if (rawValue == null || rawValue.isBlank()) {
            throw new InvalidIdentifierException("id", "is required");
        }
        String value = scheme.normalise(rawValue).orElseThrow(() -> new InvalidIdentifierException(
                "id", "is not a valid " + scheme.code() + switch (scheme) {
                    case NHS_NUMBER -> " (10 digits with a valid check digit)";
                    case NINO -> " (two letters, six digits, a letter A-D)";
                }));
        return new CitizenIdentifier(scheme, value);
    }

    public IdentifierScheme scheme() {
        return scheme;
    }

    /** The canonical value: only the pseudonymiser should read it. */
    String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CitizenIdentifier other && scheme == other.scheme && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, value);
    }

    @Override
    public String toString() {
        return "CitizenIdentifier[" + scheme.code() + ", redacted]";
    }
}
