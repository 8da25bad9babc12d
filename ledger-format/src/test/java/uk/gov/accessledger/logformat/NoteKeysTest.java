package uk.gov.accessledger.logformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;

class NoteKeysTest {

    private static final TestVectors VECTORS = TestVectors.in("logformat");

    static final String PETER_SIGNER_KEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_VERIFIER_KEY =
            "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    static Stream<Arguments> keyVectors() {
        return VECTORS.rows("note-keys.txt").stream()
                .map(row -> Arguments.of(row[0], row[1], TestVectors.unescapeToString(row[2]), row[3]));
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @MethodSource("keyVectors")
    void parsesOrRejectsPublishedAndMutatedKeyStrings(
            String kind, String want, String key, String description) {
        if (kind.equals("verifier")) {
            if (want.equals("ok")) {
                assertThat(NoteVerifier.parse(key).verifierKey()).isEqualTo(key);
            } else {
                assertThatThrownBy(() -> NoteVerifier.parse(key))
                        .isInstanceOf(LogFormatException.class)
                        .hasMessageStartingWith("couldn't parse verifier key: ")
                        .hasMessageContaining(want.substring("reject:".length()));
            }
        } else {
            if (want.startsWith("ok:")) {
                Ed25519NoteSigner signer = Ed25519NoteSigner.fromSignerKey(key);
                assertThat(signer.verifierKey()).isEqualTo(want.substring("ok:".length()));
                assertThat(signer.signerKey()).isEqualTo(key);
            } else {
                assertThatThrownBy(() -> Ed25519NoteSigner.fromSignerKey(key))
                        .isInstanceOf(LogFormatException.class)
                        .hasMessageStartingWith("couldn't parse signer key: ")
                        .hasMessageContaining(want.substring("reject:".length()));
            }
        }
    }

    /** Ported from sumdb note_test.go TestNewVerifier: every proper substring and every +1 byte. */
    @Test
    void rejectsEverySubstringAndEveryIncrementedCharacterOfAVerifierKey() {
        String key = PETER_VERIFIER_KEY;
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i != 0 || j != key.length()) {
                    String mangled = key.substring(i, j);
                    assertThatThrownBy(() -> NoteVerifier.parse(mangled))
                            .as(mangled)
                            .isInstanceOf(LogFormatException.class);
                }
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char[] chars = key.toCharArray();
            chars[i]++;
            String mangled = new String(chars);
            assertThatThrownBy(() -> NoteVerifier.parse(mangled))
                    .as(mangled)
                    .isInstanceOf(LogFormatException.class);
        }
    }

    /** Ported from sumdb note_test.go TestNewSigner. */
    @Test
    void rejectsEverySubstringAndEveryIncrementedCharacterOfASignerKey() {
        String key = PETER_SIGNER_KEY;
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i != 0 || j != key.length()) {
                    String mangled = key.substring(i, j);
                    assertThatThrownBy(() -> Ed25519NoteSigner.fromSignerKey(mangled))
                            .as(mangled)
                            .isInstanceOf(LogFormatException.class);
                }
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char[] chars = key.toCharArray();
            chars[i]++;
            String mangled = new String(chars);
            assertThatThrownBy(() -> Ed25519NoteSigner.fromSignerKey(mangled))
                    .as(mangled)
                    .isInstanceOf(LogFormatException.class);
        }
    }

    @Test
    void keyIdsOfPublishedKeysAreTheOnesTheirKeyStringsState() {
        // 0xc74f20a3 and 0x530d903a are stated by sumdb note_test.go and c2sp.org/signed-note.
        assertThat(NoteVerifier.parse(PETER_VERIFIER_KEY).keyId()).isEqualTo(0xc74f20a3);
        assertThat(
                        NoteVerifier.parse(
                                        "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")
                                .keyId())
                .isEqualTo(0x530d903a);
    }

    @Test
    void keyIdIsTheFirstFourBytesOfSha256OfNameNewlineTypeAndKeyOnRandomKeys() throws Exception {
        Random random = new Random(20240601L);
        for (int n = 0; n < 200; n++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            String name = "log" + random.nextInt(1_000_000) + ".example/é" + n;
            Ed25519NoteSigner signer =
                    new Ed25519NoteSigner(name, new Ed25519PrivateKeyParameters(seed, 0));
            byte[] publicKey = signer.verifier().publicKey();
            assertThat(signer.keyId()).isEqualTo(referenceKeyId(name, publicKey));
        }
    }

    /** The spec's formula with the JDK's SHA-256, independent of the BouncyCastle digest. */
    private static int referenceKeyId(String name, byte[] publicKey)
            throws NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0A);
        sha256.update((byte) 0x01);
        sha256.update(publicKey);
        byte[] digest = sha256.digest();
        return ((digest[0] & 0xFF) << 24)
                | ((digest[1] & 0xFF) << 16)
                | ((digest[2] & 0xFF) << 8)
                | (digest[3] & 0xFF);
    }

    @Test
    void generatedKeysRoundTripThroughSignerAndVerifierKeyStrings() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42L);
        for (int n = 0; n < 20; n++) {
            Ed25519NoteSigner signer = Ed25519NoteSigner.generate("ledger.example/log" + n, random);
            Ed25519NoteSigner reloaded = Ed25519NoteSigner.fromSignerKey(signer.signerKey());
            assertThat(reloaded.signerKey()).isEqualTo(signer.signerKey());
            assertThat(reloaded.verifierKey()).isEqualTo(signer.verifierKey());
            assertThat(NoteVerifier.parse(signer.verifierKey())).isEqualTo(signer.verifier());
            assertThat(signer.verifierKey())
                    .matches("ledger\\.example/log" + n + "\\+[0-9a-f]{8}\\+A[A-Za-z0-9+/]{43}")
                    .startsWith(signer.name() + "+" + String.format("%08x", signer.keyId()) + "+");
            byte[] typeAndKey = Base64.getDecoder().decode(signer.verifierKey().split("\\+", 3)[2]);
            assertThat(typeAndKey).hasSize(33);
            assertThat(typeAndKey[0]).isEqualTo((byte) 0x01);
        }
    }

    @Test
    void signerRequiresAValidKeyName() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new byte[32], 0);
        for (String bad : new String[] {"", "a b", "a+b", "a\u00a0b", "a\nb", "a\u0001b", "\ud800"}) {
            assertThatThrownBy(() -> new Ed25519NoteSigner(bad, key))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("requires a non-empty key name");
        }
        assertThat(new Ed25519NoteSigner("ledger.gov.uk/log-2025", key).name())
                .isEqualTo("ledger.gov.uk/log-2025");
    }

    @Test
    void verifierFromARawPublicKeyRequiresThirtyTwoBytes() {
        assertThatThrownBy(() -> NoteVerifier.ed25519("example.com/foo", new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires a 32-byte public key: got 31");
        NoteVerifier fromRaw =
                NoteVerifier.ed25519(
                        "PeterNeumann", NoteVerifier.parse(PETER_VERIFIER_KEY).publicKey());
        assertThat(fromRaw.verifierKey()).isEqualTo(PETER_VERIFIER_KEY);
    }

    @Test
    void toStringShowsThePublicKeyOnly() {
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromSignerKey(PETER_SIGNER_KEY);
        assertThat(signer.toString())
                .isEqualTo("Ed25519NoteSigner[" + PETER_VERIFIER_KEY + "]")
                .doesNotContain("AYEKFALVFGyNhPJEMzD1QIDr");
    }
}
