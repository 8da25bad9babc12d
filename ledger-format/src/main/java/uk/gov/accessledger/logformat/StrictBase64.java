package uk.gov.accessledger.logformat;

import java.util.Base64;

/**
 * The standard padded base64 of RFC 4648 section 4, which all C2SP log formats use, decoded
 * strictly: the input must be exactly what the encoder would produce, so missing padding,
 * non-zero padding bits, line breaks and the URL-safe alphabet are all refused. Every encoding
 * then has one spelling, and a text that parsed formats back to itself.
 */
final class StrictBase64 {

    private StrictBase64() {}

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Returns the decoded bytes, or {@code null} if {@code text} is not canonical base64. */
    static byte[] decodeOrNull(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return encode(decoded).equals(text) ? decoded : null;
    }
}
