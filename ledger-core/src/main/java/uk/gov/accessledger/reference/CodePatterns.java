package uk.gov.accessledger.reference;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The shapes codes must have, per kind of reference data.
 *
 * <p>Codes are stored in every ledger entry and hashed with it, so they must never change meaning;
 * a fixed shape keeps typos (a space, a capital, a missing prefix) out of the log for good.
 */
final class CodePatterns {

    /** Organisations, services and agreements: lower-case words joined by hyphens. */
    static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final int KEBAB_CASE_MAX_LENGTH = 64;
    static final String KEBAB_CASE_EXAMPLE = "nhs-gp-riverside";

    /** Purposes: a DPV term ({@code dpv:}) or a project term ({@code al:}) in UpperCamelCase. */
    static final Pattern PURPOSE = Pattern.compile("(?:dpv|al):[A-Z][A-Za-z0-9]*");
    static final String PURPOSE_EXAMPLE = "dpv:ServiceProvision";

    /** Processing actions: a DPV processing term or a project term. */
    static final Pattern ACTION = Pattern.compile("(?:dpv|al):[A-Z][A-Za-z0-9]*");
    static final String ACTION_EXAMPLE = "dpv:Consult";

    /** Data categories: a DPV personal data term ({@code pd:}) or a project term. */
    static final Pattern DATA_CATEGORY = Pattern.compile("(?:pd|al):[A-Z][A-Za-z0-9]*");
    static final String DATA_CATEGORY_EXAMPLE = "pd:Health";

    /** Legal bases: a lower-case source, a colon, then dot-separated lower-case parts. */
    static final Pattern LEGAL_BASIS = Pattern.compile("[a-z][a-z0-9]*:[a-z0-9]+(?:\\.[a-z0-9]+)*");
    static final String LEGAL_BASIS_EXAMPLE = "ukgdpr:6.1.e";

    /**
     * ICO register of fee payers: Z, a letter or digit, then six digits (Z1234567, ZA123456).
     */
    static final Pattern ICO_REGISTRATION_NUMBER = Pattern.compile("Z[0-9A-Z][0-9]{6}");

    /** Reference data versions: the publication date and the release number that day. */
    static final Pattern VERSION = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.([1-9][0-9]*)");
    static final String VERSION_EXAMPLE = "2026-11-25.1";

    private CodePatterns() {
    }

    /** A kind of code with the test it must pass and how messages describe the wanted form. */
    enum Shape {
        KEBAB_CASE(CodePatterns::isKebabCase, "kebab-case like '" + KEBAB_CASE_EXAMPLE + "'"),
        PURPOSE(code -> CodePatterns.PURPOSE.matcher(code).matches(),
                "the form '" + PURPOSE_EXAMPLE + "' (prefix dpv: or al:)"),
        ACTION(code -> CodePatterns.ACTION.matcher(code).matches(),
                "the form '" + ACTION_EXAMPLE + "' (prefix dpv: or al:)"),
        DATA_CATEGORY(code -> CodePatterns.DATA_CATEGORY.matcher(code).matches(),
                "the form '" + DATA_CATEGORY_EXAMPLE + "' (prefix pd: or al:)"),
        LEGAL_BASIS(code -> CodePatterns.LEGAL_BASIS.matcher(code).matches(),
                "the form '" + LEGAL_BASIS_EXAMPLE + "'"),
        ICO_REGISTRATION_NUMBER(code -> CodePatterns.ICO_REGISTRATION_NUMBER.matcher(code).matches(),
                "Z, a letter or digit, then six digits, like 'ZA123456'");

        private final Predicate<String> test;
        private final String want;

        Shape(Predicate<String> test, String want) {
            this.test = test;
            this.want = want;
        }

        boolean matches(String code) {
            return test.test(code);
        }

        String want() {
            return want;
        }
    }

    static boolean isKebabCase(String code) {
        return code.length() <= KEBAB_CASE_MAX_LENGTH && KEBAB_CASE.matcher(code).matches();
    }

    /** Throws IllegalArgumentException unless {@code code} matches {@code pattern}. */
    static String require(Pattern pattern, String code, String what) {
        if (code == null || !pattern.matcher(code).matches()) {
            throw new IllegalArgumentException("requires " + what + " matching " + pattern + ", got " + code);
        }
        return code;
    }

    static String requireKebabCase(String code, String what) {
        if (code == null || !isKebabCase(code)) {
            throw new IllegalArgumentException("requires " + what + " in kebab-case, got " + code);
        }
        return code;
    }

    static List<String> requireAll(Pattern pattern, List<String> codes, String what) {
        List<String> copy = List.copyOf(codes);
        copy.forEach(code -> require(pattern, code, what));
        return copy;
    }
}
