/**
 * {@code ledger-verify}, the command-line verifier a regulator or any member of the public runs
 * without trusting the ledger's operator (issue 4, item 3). It depends on ledger-format only (the
 * formats and their verification code), never on the domain, Axon or Spring.
 *
 * <ul>
 *   <li>{@code verify-bundle FILE --key VKEY} runs every check of docs/export-bundle.md with
 *       {@link BundleVerifier} and prints the verdict.
 *   <li>{@code audit-log URL --key VKEY [--state FILE]} monitors a log as docs/log-format.md
 *       "Verifying, step by step" describes: it verifies the latest C2SP checkpoint, recomputes
 *       its root from the level-0 C2SP tlog-tiles, and checks that the tree extends the one it
 *       saw last time, reporting a fork or a rollback.
 * </ul>
 *
 * <p>Exit status: 0 verified, 1 verification failed (the verdict says what), 2 the command
 * could not be carried out (bad arguments, unreadable file, log unreachable).
 */
package uk.gov.accessledger.verify;

import uk.gov.accessledger.bundle.BundleVerifier;
