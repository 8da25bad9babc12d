/**
 * Format 2 content at rest (docs/entry-format.md, "Sealed content" and "Keys"): a content opening
 * sealed with AES-256-GCM (NIST SP 800-38D) under a data key per subject and retention period,
 * bound to its entry's leaf hash as associated data; data keys wrapped by a key-encryption key
 * held outside the database.
 *
 * <ul>
 *   <li>{@link uk.gov.accessledger.contentseal.SealedContent} seals and opens;
 *       {@link uk.gov.accessledger.contentseal.DataKey} is the AES-256 data key.
 *   <li>{@link uk.gov.accessledger.contentseal.KeyEncryptionKey} is what a key management service
 *       implements; {@link uk.gov.accessledger.contentseal.AesKeyWrapKek} implements it from a
 *       configured key with the AES Key Wrap of RFC 3394 (NIST SP 800-38F KW).
 * </ul>
 *
 * <p>Destroying every wrapped copy of a data key crypto-shreds the content it sealed, while the
 * leaves, chains and proofs stay valid. Failures to open or unwrap are the checked
 * {@link uk.gov.accessledger.contentseal.SealedContentException} and
 * {@link uk.gov.accessledger.contentseal.KeyUnwrapException}, and return no partial plaintext.
 * This package knows nothing of entries beyond a 32-byte leaf hash: it depends on the JDK and
 * BouncyCastle only.
 */
package uk.gov.accessledger.contentseal;
