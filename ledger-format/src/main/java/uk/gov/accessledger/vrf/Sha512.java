package uk.gov.accessledger.vrf;

import org.bouncycastle.crypto.digests.SHA512Digest;

/** SHA-512 (RFC 6234), the Hash of ECVRF-EDWARDS25519-SHA512-TAI (RFC 9381 section 5.5). */
final class Sha512 {

    private Sha512() {}

    /** SHA-512 of the concatenation of {@code parts}: 64 bytes. */
    static byte[] of(byte[]... parts) {
        SHA512Digest digest = new SHA512Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
