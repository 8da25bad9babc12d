package uk.gov.accessledger.bundle;

import java.util.List;

/**
 * What {@link BundleVerifier} found. The bundle verified if and only if {@link #ok()}.
 *
 * @param entries the number of lines of {@code entries.jsonl} checked
 * @param subjects the number of distinct subjects among the well-formed entries
 * @param origin the log origin: the trusted key's name
 * @param checkpointSize the size of the bundle's checkpoint, or -1 if it did not verify
 * @param checkpointRoot the base64 root hash of the checkpoint, or {@code null} if it did not verify
 * @param createdAt the manifest's {@code createdAt}, or {@code null} if the manifest was unusable
 * @param query the manifest's {@code query} as canonical JSON, or {@code null} if unusable
 * @param findings the problems, ordered by check, then file and line; at most a bounded number
 *     per check (the rest are counted in {@code omittedFindings})
 * @param omittedFindings how many further problems were found but not kept
 */
public record BundleReport(
        long entries,
        long subjects,
        String origin,
        long checkpointSize,
        String checkpointRoot,
        String createdAt,
        String query,
        List<Finding> findings,
        long omittedFindings) {

    public BundleReport {
        findings = List.copyOf(findings);
    }

    /** Whether every check passed: no finding at all. */
    public boolean ok() {
        return findings.isEmpty() && omittedFindings == 0;
    }
}
