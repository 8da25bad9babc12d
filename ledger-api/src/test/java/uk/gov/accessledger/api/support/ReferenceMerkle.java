package uk.gov.accessledger.api.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * RFC 6962 section 2.1 MTH, written plainly with the JDK's SHA-256 and used only by tests to
 * recompute roots independently of the production Merkle code.
 */
public final class ReferenceMerkle {

    private ReferenceMerkle() {
    }

    public static byte[] leafHash(byte[] entry) {
        return sha256(new byte[] {0x00}, entry);
    }

    /** MTH(D[0:n]) over already-hashed leaves. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return sha256();
        }
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(leafHashes.size() - 1);
        return sha256(new byte[] {0x01}, root(leafHashes.subList(0, k)),
                root(leafHashes.subList(k, leafHashes.size())));
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
