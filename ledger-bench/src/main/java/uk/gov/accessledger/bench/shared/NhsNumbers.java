package uk.gov.accessledger.bench.shared;

/**
 * A fixed sequence of valid NHS numbers. The load generator's patients, the bulk loader's subjects
 * and querybench's citizens are all drawn from it, so subject {@code i} of a bulk load is the
 * citizen whose token querybench signs with {@code nhsNumber(i)}.
 */
public final class NhsNumbers {

    private NhsNumbers() {
    }

    /**
     * The {@code n}-th valid NHS number: nine digits from {@code n}, then the modulus-11 check
     * digit, skipping the bases whose check digit would be 10.
     *
     * @param n requires {@code 0 <= n < 100_000_000}
     */
    public static String nhsNumber(int n) {
        if (n < 0 || n >= 100_000_000) {
            throw new IllegalArgumentException("requires 0 <= n < 100000000: got " + n);
        }
        for (long base = 900_000_000L + 10L * n; ; base++) {
            String digits = Long.toString(base);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits + check;
            }
        }
    }
}
