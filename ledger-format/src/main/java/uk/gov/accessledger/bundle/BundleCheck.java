package uk.gov.accessledger.bundle;

/**
 * The checks of docs/export-bundle.md "What verify-bundle checks", numbered as there, plus the
 * two that make the numbered ones possible: a readable manifest and well-formed entry lines.
 */
public enum BundleCheck {
    /** {@code manifest.json} is missing or not the manifest the spec describes. */
    MANIFEST("manifest", 1),
    /** 1: {@code manifest.sig} verifies with the key and names the SHA-256 of the manifest. */
    MANIFEST_SIGNATURE("manifest-signature", 1),
    /** 2: every listed file is present with its size and SHA-256; no other files. */
    FILES("files", 2),
    /** 3: {@code log-key} equals the key given to the verifier. */
    LOG_KEY("log-key", 3),
    /** 4: the checkpoint verifies with the key, its origin is the key name, its size as listed. */
    CHECKPOINT("checkpoint", 4),
    /** 5: a line of {@code entries.jsonl} or its canonical entry is malformed. */
    ENTRY("entry", 5),
    /** 5: leaf indexes ascend, each at most once, and are inside the checkpoint's tree. */
    LEAF_ORDER("leaf-order", 5),
    /** 5: the entry's leaf hash and proof give the checkpoint's root. */
    INCLUSION("inclusion", 5),
    /** 6: entries {@code seq} n and n + 1 of a subject link by {@code prev}; seqs are unique. */
    SUBJECT_CHAIN("subject-chain", 6),
    /** 7: {@code entries.csv} has the header and one row per entry that matches its line. */
    CSV("csv", 7),
    /** 8: the number of lines equals the manifest's {@code entries}. */
    ENTRY_COUNT("entry-count", 8),
    /** 9: an export without filters holds every leaf 0 .. size - 1 of its checkpoint. */
    COMPLETENESS("completeness", 9);

    private final String label;
    private final int specStep;

    BundleCheck(String label, int specStep) {
        this.label = label;
        this.specStep = specStep;
    }

    /** The name a verdict line uses, e.g. {@code subject-chain}. */
    public String label() {
        return label;
    }

    /** The number of the step in docs/export-bundle.md "What verify-bundle checks". */
    public int specStep() {
        return specStep;
    }
}
