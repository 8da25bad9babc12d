package uk.gov.accessledger.api.log;

import uk.gov.accessledger.logformat.Checkpoint;

/**
 * A row of {@code log_checkpoint}: the tree size and root hash the sequencer signed, and the
 * signed note it served them in, byte for byte. The size and root are kept beside the note so that
 * serving proofs needs no note parsing; {@link Checkpoint} is the
 * note's parsed body, for verifying it.
 */
public record SignedCheckpoint(long size, byte[] rootHash, String note) {
}
