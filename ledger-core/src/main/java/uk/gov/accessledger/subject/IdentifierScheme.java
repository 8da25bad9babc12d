package uk.gov.accessledger.subject;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The identifier schemes a citizen can be named by, with their format rules. */
public enum IdentifierScheme {

    /**
     * NHS number: ten digits, the last a modulus-11 check digit (NHS Data Dictionary,
     * "NHS Number"). Spaces and hyphens are accepted in input and removed.
     */
    NHS_NUMBER("nhs-number") {
        @Override
        Optional<String> normalise(String raw) {
            String digits = raw.replace(" ", "").replace("-", "");
            if (!TEN_DIGITS.matcher(digits).matches()) {
                return Optional.empty();
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - (sum % 11);
            if (check == 11) {
                check = 0;
            }
            if (check == 10 || check != digits.charAt(9) - '0') {
                return Optional.empty();
            }
            return Optional.of(digits);
        }
    },

    /**
     * National Insurance number: two prefix letters, six digits, suffix A-D (HMRC National
     * Insurance Manual NIM39110). D, F, I, Q, U and V are never used in the prefix, O is never
     * the second letter, and the prefixes BG, GB, KN, NK, NT, TN and ZZ are not allocated.
     */
    NINO("nino") {
        @Override
        Optional<String> normalise(String raw) {
            String value = raw.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!NINO_PATTERN.matcher(value).matches()) {
                return Optional.empty();
            }
            String prefix = value.substring(0, 2);
            if (UNALLOCATED_NINO_PREFIXES.contains(prefix)) {
                return Optional.empty();
            }
            return Optional.of(value);
        }
    };

    private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");
    private static final Pattern NINO_PATTERN =
            Pattern.compile("[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]");
    private static final Set<String> UNALLOCATED_NINO_PREFIXES =
            Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

    private final String code;

    IdentifierScheme(String code) {
        this.code = code;
    }

    /** The scheme's code as it appears in requests and configuration, e.g. {@code nhs-number}. */
    public String code() {
        return code;
    }

    /** Returns the canonical form of a valid identifier, or empty if {@code raw} is not one. */
    abstract Optional<String> normalise(String raw);

    public static Optional<IdentifierScheme> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
