/**
 * Test support shared by every module's tests through ledger-format's test-jar (as
 * transparency-dev/merkle's {@code testonly/}); never on a production classpath.
 *
 * <ul>
 *   <li>{@link ReferenceTree}: the Merkle tree of RFC 6962 section
 *       2.1 (RFC 9162 section 2.1) written straight from its recursive definitions of MTH, PATH
 *       and PROOF, over the JDK's SHA-256, to cross-check the production Merkle code.
 *   <li>{@link TestVectors}: reads the vector files under a test
 *       module's {@code src/test/resources/}.
 * </ul>
 */
package uk.gov.accessledger.testonly;
