package uk.gov.accessledger.merkle;

import java.util.List;
import uk.gov.accessledger.testonly.TestVectors;

/** The 8-leaf test tree of src/test/resources/merkle/tree.json: its leaf data and its roots. */
final class TestTree {

    private static final TestVectors VECTORS = TestVectors.in("merkle");

    private TestTree() {
    }

    /** The leaf data, d(0) to d(7). */
    static List<byte[]> leaves() {
        return TestVectors.hexList(VECTORS.json("tree.json").get("leaves"));
    }

    /** The roots: element n - 1 is the root of the first n leaves. */
    static List<byte[]> roots() {
        return TestVectors.hexList(VECTORS.json("tree.json").get("roots"));
    }
}
