/**
 * The global transparency log: the sequencer that gives every entry exactly one leaf of an
 * RFC 6962 Merkle tree and signs C2SP tlog-checkpoint notes, the reconciliation that proves no
 * entry was missed, and the public endpoints serving checkpoints, the verifier key, C2SP
 * tlog-tiles hash tiles and JSON inclusion and consistency proofs. Entry bundles carry personal
 * data and need the auditor role.
 */
package uk.gov.accessledger.api.log;
