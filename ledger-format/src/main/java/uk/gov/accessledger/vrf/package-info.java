/**
 * ECVRF-EDWARDS25519-SHA512-TAI, the elliptic-curve verifiable random function of RFC 9381
 * (section 5, suite of section 5.5): the ledger's format-2 subjects are its outputs, so the
 * operator can prove to a citizen which subject is theirs without anyone else being able to link
 * an identifier to a subject (docs/vrf.md).
 *
 * <ul>
 *   <li>{@link uk.gov.accessledger.vrf.EcVrf}: prove (section 5.1), proof to hash (5.2), verify
 *       (5.3, validate_key = TRUE only) and a proof-less hash that gives the same output.
 *   <li>{@link uk.gov.accessledger.vrf.VrfSecretKey} and {@link uk.gov.accessledger.vrf.VrfPublicKey}:
 *       keys as RFC 8032 section 5.1.5 makes them; the public key is checked by
 *       ECVRF_validate_key (5.4.5).
 *   <li>{@link uk.gov.accessledger.vrf.VrfSubject}: the alpha of a citizen identifier and the
 *       subject string of an output.
 *   <li>{@link uk.gov.accessledger.vrf.VrfVerificationException}: why a proof was refused.
 *   <li>Package-private: the auxiliary functions of section 5.4 (encode to curve by try and
 *       increment 5.4.1.1, nonce generation 5.4.2.2 in {@code ProofSteps}, challenge generation
 *       5.4.3, proof decoding 5.4.4), edwards25519 points (RFC 8032 sections 5.1.2 to 5.1.4) on
 *       BouncyCastle's public {@code X25519Field} arithmetic, scalar multiplication, integers
 *       modulo L.
 * </ul>
 *
 * <p>Like the other format packages it depends only on the JDK and BouncyCastle. Test vectors:
 * RFC 9381 Appendix B.3, with every intermediate value.
 */
package uk.gov.accessledger.vrf;
