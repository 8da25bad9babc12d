package uk.gov.accessledger.contentseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Data keys wrapped by a key-encryption key: they unwrap under that key only, whole or not at all. */
class EntryFormat2KeyWrapTest {

    @Test
    void unwrapsWhatItWrapped() throws Exception {
        Random random = new Random(3394);
        for (int i = 0; i < 200; i++) {
            AesKeyWrapKek kek = new AesKeyWrapKek("kek-" + i, bytes(random, 32));
            byte[] raw = bytes(random, 32);
            WrappedDataKey wrapped = kek.wrap(DataKey.of(raw));
            assertThat(wrapped.kekId()).isEqualTo("kek-" + i);
            assertThat(wrapped.wrapped()).hasSize(AesKeyWrapKek.WRAPPED_SIZE);
            assertThat(kek.unwrap(wrapped).bytes()).isEqualTo(raw);
        }
    }

    @Test
    void aDataKeyWrappedUnderOneKekDoesNotUnwrapUnderAnother() {
        Random random = new Random(5649);
        for (int i = 0; i < 200; i++) {
            AesKeyWrapKek kek = new AesKeyWrapKek("kek", bytes(random, 32));
            AesKeyWrapKek other = new AesKeyWrapKek("kek", bytes(random, 32));
            WrappedDataKey wrapped = kek.wrap(DataKey.of(bytes(random, 32)));
            assertThatThrownBy(() -> other.unwrap(wrapped))
                    .isInstanceOf(KeyUnwrapException.class)
                    .hasMessage("couldn't unwrap data key: RFC 3394 integrity check failed"
                            + " (wrapped under other key material, or altered)");
        }
    }

    @Test
    void refusesAKeyWrappedUnderAnotherKekIdBeforeTryingIt() {
        byte[] material = new byte[32];
        WrappedDataKey wrapped = new AesKeyWrapKek("kek-2026", material).wrap(DataKey.of(new byte[32]));
        assertThatThrownBy(() -> new AesKeyWrapKek("kek-2027", material).unwrap(wrapped))
                .isInstanceOf(KeyUnwrapException.class)
                .hasMessage("couldn't unwrap data key: key-encryption key id mismatch: got kek-2026, want kek-2027");
    }

    @Test
    void refusesEveryOneBitChangeOfAWrappedKey() {
        AesKeyWrapKek kek = new AesKeyWrapKek("kek", new byte[32]);
        byte[] wrapped = kek.wrap(DataKey.of(new byte[32])).wrapped();
        for (int bit = 0; bit < wrapped.length * 8; bit++) {
            byte[] altered = wrapped.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> kek.unwrap(new WrappedDataKey("kek", altered)))
                    .isInstanceOf(KeyUnwrapException.class);
        }
    }

    @Test
    void refusesBadConfigurationAndNeverShowsTheKey() {
        assertThatThrownBy(() -> new AesKeyWrapKek("kek", new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AesKeyWrapKek("", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AesKeyWrapKek("a kek", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WrappedDataKey("kek", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        byte[] material = new byte[32];
        material[0] = (byte) 0xab;
        assertThat(new AesKeyWrapKek("kek", material).toString()).isEqualTo("AesKeyWrapKek[kek]")
                .doesNotContain(HexFormat.of().formatHex(material));
    }

    private static byte[] bytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
