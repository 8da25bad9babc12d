package uk.gov.accessledger.contentseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Sealed content: opens only under its data key, for its entry, unaltered. */
class EntryFormat2SealTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] OPENING = "{\"content\":{},\"r\":\"00\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedUnderAFreshNonceEachTime() throws Exception {
        DataKey key = DataKey.generate(RANDOM);
        byte[] leafHash = random(32);
        byte[] first = SealedContent.seal(key, leafHash, OPENING, RANDOM);
        byte[] second = SealedContent.seal(key, leafHash, OPENING, RANDOM);
        assertThat(first).hasSize(SealedContent.NONCE_SIZE + OPENING.length + SealedContent.TAG_SIZE);
        assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
        assertThat(SealedContent.open(key, leafHash, first)).isEqualTo(OPENING);
        assertThat(SealedContent.open(key, leafHash, second)).isEqualTo(OPENING);
    }

    @Test
    void refusesEveryOneBitChangeOfTheSealedBytes() {
        DataKey key = DataKey.generate(RANDOM);
        byte[] leafHash = random(32);
        byte[] sealed = SealedContent.seal(key, leafHash, OPENING, RANDOM);
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] altered = sealed.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> SealedContent.open(key, leafHash, altered))
                    .isInstanceOf(SealedContentException.class);
        }
    }

    @Test
    void refusesEveryTruncation() {
        DataKey key = DataKey.generate(RANDOM);
        byte[] leafHash = random(32);
        byte[] sealed = SealedContent.seal(key, leafHash, OPENING, RANDOM);
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertThatThrownBy(() -> SealedContent.open(key, leafHash, truncated))
                    .isInstanceOf(SealedContentException.class);
        }
    }

    @Test
    void opensEmptyContentWhoseSealedFormIsNonceAndTagOnly() throws Exception {
        DataKey key = DataKey.generate(RANDOM);
        byte[] leafHash = random(32);
        byte[] sealed = SealedContent.seal(key, leafHash, new byte[0], RANDOM);
        assertThat(sealed).hasSize(28);
        assertThat(SealedContent.open(key, leafHash, sealed)).isEmpty();
    }

    @Test
    void refusesADestroyedKeyAndNeverShowsAKey() {
        DataKey key = DataKey.generate(RANDOM);
        byte[] raw = key.bytes();
        assertThat(key.toString()).doesNotContain(HexFormat.of().formatHex(raw));
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThat(key.toString()).isEqualTo("DataKey[destroyed]");
        assertThatThrownBy(() -> SealedContent.seal(key, random(32), OPENING, RANDOM))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(key::bytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesALeafHashOrKeyOfTheWrongLength() {
        DataKey key = DataKey.generate(RANDOM);
        assertThatThrownBy(() -> SealedContent.seal(key, random(31), OPENING, RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealedContent.open(key, random(33), new byte[40]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataKey.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
