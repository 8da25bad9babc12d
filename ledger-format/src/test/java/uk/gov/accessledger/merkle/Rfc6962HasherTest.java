package uk.gov.accessledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;

class Rfc6962HasherTest {

    private static final TestVectors VECTORS = TestVectors.in("merkle");

    private final Rfc6962Hasher hasher = Rfc6962Hasher.DEFAULT;

    static Stream<Arguments> knownAnswers() {
        List<Arguments> cases = new ArrayList<>();
        for (Rfc6962Hasher h : List.of(Rfc6962Hasher.DEFAULT, Rfc6962Hasher.JDK)) {
            VECTORS.json("hasher.json").get("cases")
                    .forEach(c -> cases.add(Arguments.of(h + " " + c.get("desc").asText(), h, c)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownAnswers")
    void matchesPublishedKnownAnswer(String desc, Rfc6962Hasher hasher, JsonNode c) {
        byte[] got = switch (c.get("op").asText()) {
            case "emptyRoot" -> hasher.emptyRoot();
            case "hashLeaf" -> hasher.hashLeaf(TestVectors.hex(c.get("data")));
            case "hashChildren" -> hasher.hashChildren(TestVectors.hex(c.get("left")), TestVectors.hex(c.get("right")));
            default -> throw new IllegalArgumentException("unknown op in hasher.json: " + c.get("op"));
        };
        assertThat(Hex.toHexString(got)).isEqualTo(c.get("want").asText());
    }

    @Test
    void jdkAndBouncyCastleAgreeOnEveryLengthAcrossBlockBoundaries() {
        SplittableRandom random = new SplittableRandom(6962);
        for (int length = 0; length <= 300; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertThat(Rfc6962Hasher.JDK.hashLeaf(data)).as("leaf of %d bytes", length)
                    .isEqualTo(Rfc6962Hasher.DEFAULT.hashLeaf(data));
            byte[] other = Rfc6962Hasher.DEFAULT.hashLeaf(new byte[] {(byte) length});
            assertThat(Rfc6962Hasher.JDK.hashChildren(data, other)).as("node over %d bytes", length)
                    .isEqualTo(Rfc6962Hasher.DEFAULT.hashChildren(data, other));
        }
        assertThat(Rfc6962Hasher.JDK.emptyRoot()).isEqualTo(Rfc6962Hasher.DEFAULT.emptyRoot());
    }

    @Test
    void jdkHasherGivesEachThreadItsOwnDigest() throws Exception {
        byte[][] data = new byte[64][];
        for (int i = 0; i < data.length; i++) {
            data[i] = ("leaf " + i).repeat(i + 1).getBytes(StandardCharsets.US_ASCII);
        }
        List<Callable<Boolean>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(() -> {
                for (int round = 0; round < 500; round++) {
                    byte[] d = data[round % data.length];
                    if (!Arrays.equals(Rfc6962Hasher.JDK.hashLeaf(d), Rfc6962Hasher.DEFAULT.hashLeaf(d))) {
                        return false;
                    }
                }
                return true;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Boolean> f : pool.invokeAll(workers)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void emptyRootIsSha256OfNothing() {
        // echo -n | sha256sum
        assertThat(Hex.toHexString(hasher.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void prefixesAndSizeAreThoseOfRfc6962() {
        assertThat(Rfc6962Hasher.RFC6962_LEAF_PREFIX).isEqualTo((byte) 0x00);
        assertThat(Rfc6962Hasher.RFC6962_NODE_PREFIX).isEqualTo((byte) 0x01);
        assertThat(Rfc6962Hasher.HASH_SIZE).isEqualTo(32);
        assertThat(hasher.hashLeaf(new byte[0])).hasSize(Rfc6962Hasher.HASH_SIZE);
    }

    @Test
    void differentLeavesHaveDifferentHashes() {
        byte[] hello = hasher.hashLeaf("Hello".getBytes(StandardCharsets.US_ASCII));
        byte[] world = hasher.hashLeaf("World".getBytes(StandardCharsets.US_ASCII));
        assertThat(hello).isNotEqualTo(world);
    }

    @Test
    void interiorNodeIsNotTheLeafHashOfItsChildrenConcatenated() {
        // Second-preimage resistance (RFC 6962 section 2.1): a node cannot pass for a leaf.
        byte[] left = hasher.hashLeaf("Hello".getBytes(StandardCharsets.US_ASCII));
        byte[] right = hasher.hashLeaf("World".getBytes(StandardCharsets.US_ASCII));
        byte[] concatenated = new byte[64];
        System.arraycopy(left, 0, concatenated, 0, 32);
        System.arraycopy(right, 0, concatenated, 32, 32);
        assertThat(hasher.hashChildren(left, right)).isNotEqualTo(hasher.hashLeaf(concatenated));
    }

    @Test
    void interiorNodeDependsOnChildOrder() {
        byte[] left = hasher.hashLeaf("Hello".getBytes(StandardCharsets.US_ASCII));
        byte[] right = hasher.hashLeaf("World".getBytes(StandardCharsets.US_ASCII));
        assertThat(hasher.hashChildren(left, right)).isNotEqualTo(hasher.hashChildren(right, left));
    }

    @Test
    void givesTheSameHashesWhenSharedBetweenThreads() {
        List<byte[]> sequential = IntStream.range(0, 2_000)
                .mapToObj(i -> hasher.hashLeaf(("leaf " + i).getBytes(StandardCharsets.US_ASCII)))
                .toList();
        List<byte[]> parallel = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> hasher.hashLeaf(("leaf " + i).getBytes(StandardCharsets.US_ASCII)))
                .toList();
        assertThat(parallel).containsExactlyElementsOf(sequential);
    }

    @Test
    void rejectsNullInput() {
        assertThatThrownBy(() -> hasher.hashLeaf(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> hasher.hashChildren(null, new byte[32])).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> hasher.hashChildren(new byte[32], null)).isInstanceOf(NullPointerException.class);
    }
}
