package uk.gov.accessledger.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects findings, keeping at most a fixed number per check so that a bundle broken on every
 * one of its million lines yields a readable verdict in bounded memory; the rest are counted.
 */
final class Findings {

    private final int maxPerCheck;
    private final List<Finding> kept = new ArrayList<>();
    private final Map<BundleCheck, Long> counts = new EnumMap<>(BundleCheck.class);
    private long omitted;

    Findings(int maxPerCheck) {
        if (maxPerCheck < 1) {
            throw new IllegalArgumentException("requires maxPerCheck >= 1, got " + maxPerCheck);
        }
        this.maxPerCheck = maxPerCheck;
    }

    void add(Finding finding) {
        long count = counts.merge(finding.check(), 1L, Long::sum);
        if (count <= maxPerCheck) {
            kept.add(finding);
        } else {
            omitted++;
        }
    }

    /** Whether any finding of {@code check} was added. */
    boolean any(BundleCheck check) {
        return counts.containsKey(check);
    }

    /** The kept findings, ordered by check, then file and line; stable otherwise. */
    List<Finding> sorted() {
        List<Finding> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparing(Finding::check)
                .thenComparing(Finding::file)
                .thenComparingLong(Finding::line));
        return sorted;
    }

    long omitted() {
        return omitted;
    }
}
