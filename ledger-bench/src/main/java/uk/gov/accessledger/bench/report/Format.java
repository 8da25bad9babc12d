package uk.gov.accessledger.bench.report;

import java.util.Locale;

/** How the report writes numbers: three significant figures, thousands separated. */
final class Format {

    private Format() {
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            double scale = Math.pow(10, Math.floor(Math.log10(abs)) - 2);
            return String.format(Locale.ROOT, "%,.0f", Math.round(value / scale) * scale);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** {@code value / baseline} as "0.42×". */
    static String ratio(double value, double baseline) {
        return String.format(Locale.ROOT, "%.2f×", value / baseline);
    }
}
