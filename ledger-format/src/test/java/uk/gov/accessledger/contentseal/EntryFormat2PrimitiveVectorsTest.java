package uk.gov.accessledger.contentseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;

/**
 * The primitives under sealed content, held to their published vectors: AES-256-GCM to
 * McGrew and Viega's test cases 13 to 16, RFC 3394 key wrap to RFC 3394 section 4.
 */
class EntryFormat2PrimitiveVectorsTest {

    private static final TestVectors VECTORS = TestVectors.in("contentseal");
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Map<String, String>> gcm() {
        return VECTORS.blocks("aes256-gcm-mcgrew-viega.txt").stream();
    }

    static Stream<Map<String, String>> keyWrap() {
        return VECTORS.blocks("aes-key-wrap-rfc3394.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gcm")
    void aesGcmSealsAndOpensThePublishedCase(Map<String, String> v) throws Exception {
        Cipher seal = SealedContent.gcm(Cipher.ENCRYPT_MODE, hex(v, "key"), hex(v, "iv"));
        seal.updateAAD(hex(v, "aad"));
        assertThat(HEX.formatHex(seal.doFinal(hex(v, "plaintext")))).isEqualTo(v.get("ciphertext") + v.get("tag"));

        byte[] sealed = HEX.parseHex(v.get("ciphertext") + v.get("tag"));
        Cipher open = SealedContent.gcm(Cipher.DECRYPT_MODE, hex(v, "key"), hex(v, "iv"));
        open.updateAAD(hex(v, "aad"));
        assertThat(open.doFinal(sealed)).isEqualTo(hex(v, "plaintext"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gcm")
    void aesGcmRefusesThePublishedCaseWithItsTagAltered(Map<String, String> v) throws Exception {
        byte[] sealed = HEX.parseHex(v.get("ciphertext") + v.get("tag"));
        sealed[sealed.length - 1] ^= 0x01;
        Cipher open = SealedContent.gcm(Cipher.DECRYPT_MODE, hex(v, "key"), hex(v, "iv"));
        open.updateAAD(hex(v, "aad"));
        assertThatThrownBy(() -> open.doFinal(sealed)).isInstanceOf(AEADBadTagException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyWrap")
    void rfc3394WrapsAndUnwrapsThePublishedCase(Map<String, String> v) throws Exception {
        assertThat(HEX.formatHex(AesKeyWrapKek.rfc3394Wrap(hex(v, "kek"), hex(v, "keyData"))))
                .isEqualTo(v.get("ciphertext"));
        assertThat(AesKeyWrapKek.rfc3394Unwrap(hex(v, "kek"), hex(v, "ciphertext"))).isEqualTo(hex(v, "keyData"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyWrap")
    void rfc3394RefusesThePublishedCaseUnderAnotherKek(Map<String, String> v) {
        byte[] otherKek = hex(v, "kek");
        otherKek[0] ^= 0x01;
        assertThatThrownBy(() -> AesKeyWrapKek.rfc3394Unwrap(otherKek, hex(v, "ciphertext")))
                .isInstanceOf(InvalidCipherTextException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyWrap")
    void theConfiguredKekGivesRfc3394Section46ForItsShape(Map<String, String> v) throws Exception {
        if (hex(v, "kek").length != AesKeyWrapKek.KEY_SIZE || hex(v, "keyData").length != DataKey.SIZE) {
            return; // only 4.6 has an AES-256 KEK and a 256-bit key, the shape of data keys
        }
        AesKeyWrapKek kek = new AesKeyWrapKek("rfc3394-4.6", hex(v, "kek"));
        WrappedDataKey wrapped = kek.wrap(DataKey.of(hex(v, "keyData")));
        assertThat(HEX.formatHex(wrapped.wrapped())).isEqualTo(v.get("ciphertext"));
        assertThat(wrapped.kekId()).isEqualTo("rfc3394-4.6");
        assertThat(kek.unwrap(wrapped).bytes()).isEqualTo(hex(v, "keyData"));
    }

    private static byte[] hex(Map<String, String> v, String key) {
        return HEX.parseHex(v.get(key));
    }
}
