package uk.gov.accessledger.canonical;

/**
 * Checks bytes against the well-formed UTF-8 byte sequences of The Unicode Standard, Table 3-7:
 * no overlong forms, no encoded surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
 * RFC 8785 section 3.2.4 requires UTF-8, and RFC 8259 section 8.1 well-formed text.
 */
final class WellFormedUtf8 {

    private WellFormedUtf8() {
    }

    /** Requires {@code bytes} non-null. Returns the offset where the first ill-formed sequence starts, or -1. */
    static int firstIllFormed(byte[] bytes) {
        int i = 0;
        int length = bytes.length;
        while (i < length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int trailing;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                trailing = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                trailing = 2;
                if (b == 0xE0) {
                    secondMin = 0xA0;
                } else if (b == 0xED) {
                    secondMax = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                trailing = 3;
                if (b == 0xF0) {
                    secondMin = 0x90;
                } else if (b == 0xF4) {
                    secondMax = 0x8F;
                }
            } else {
                return i;
            }
            if (i + trailing >= length) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return i;
            }
            for (int j = 2; j <= trailing; j++) {
                if ((bytes[i + j] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += trailing + 1;
        }
        return -1;
    }
}
