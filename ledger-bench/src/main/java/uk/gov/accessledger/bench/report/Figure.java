package uk.gov.accessledger.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One measured number of the report: its value in each run (JMH fork), and the median, minimum
 * and maximum over runs. The median is the figure quoted; min and max show the spread on a shared
 * machine.
 *
 * @param id stable identifier, used by the JSON report and by target rows
 * @param label what was measured, in words
 * @param unit the unit of every value, e.g. {@code entries/s} or {@code µs}
 * @param higherIsBetter whether a larger value is better (rates) or worse (latencies)
 * @param runs the value from each run; requires at least one
 * @param baselineId the figure this one is compared with in the same run, or null
 */
record Figure(String id, String label, String unit, boolean higherIsBetter, List<Double> runs, String baselineId) {

    Figure {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("requires at least one run: got none for " + id);
        }
        runs = List.copyOf(runs);
    }

    double median() {
        List<Double> sorted = new ArrayList<>(runs);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return Collections.min(runs);
    }

    double max() {
        return Collections.max(runs);
    }
}
