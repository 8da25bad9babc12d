package uk.gov.accessledger.bench.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import uk.gov.accessledger.bench.shared.PerformanceTarget;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.NodeId;
import uk.gov.accessledger.merkle.ProofNodes;
import uk.gov.accessledger.merkle.ProofVerificationException;
import uk.gov.accessledger.merkle.ProofVerifier;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Inclusion and consistency proofs in a tree of {@code leaves} leaves (by default the size the
 * proof target is stated at, {@link PerformanceTarget#SCALE_ENTRIES}, not a power of two, so proofs need ephemeral nodes): {@link ProofNodes} picks the node IDs, the hashes
 * are fetched from an in-memory node store, and {@link ProofNodes#rehash} folds them into the
 * proof, as the ledger's proof endpoint does with tile reads from PostgreSQL. Sampled per call, so
 * the report has percentiles. Also measures a client verifying an inclusion proof.
 */
@Fork(value = 3, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProofBenchmark {

    private static final int QUERIES = 4096;

    @Param(PerformanceTarget.SCALE_ENTRIES_PARAM)
    public long leaves;

    private FlatTree tree;
    private byte[] root;
    private long[] indices;
    private long[] oldSizes;
    private byte[][] leafHashes;
    private List<List<byte[]>> inclusionProofs;
    private int next;

    @Setup
    public void build() throws ProofVerificationException {
        tree = FlatTree.buildSynthetic(leaves);
        List<byte[]> roots = new ArrayList<>();
        for (NodeId id : CompactRange.rangeNodes(0, leaves)) {
            roots.add(tree.get(id));
        }
        root = CompactRange.of(Rfc6962Hasher.DEFAULT, 0, leaves, roots).root();
        Random random = new Random(20261125L);
        indices = new long[QUERIES];
        oldSizes = new long[QUERIES];
        leafHashes = new byte[QUERIES][];
        inclusionProofs = new ArrayList<>(QUERIES);
        for (int i = 0; i < QUERIES; i++) {
            indices[i] = Math.floorMod(random.nextLong(), leaves);
            oldSizes[i] = 1 + Math.floorMod(random.nextLong(), leaves);
            leafHashes[i] = FlatTree.syntheticLeaf(indices[i]);
            inclusionProofs.add(inclusion(indices[i]));
        }
        // A proof that does not verify would make every figure meaningless: check one of each.
        ProofVerifier.verifyInclusion(Rfc6962Hasher.DEFAULT, indices[0], leaves,
                leafHashes[0], inclusionProofs.get(0), root);
        if (oldSizes[0] < leaves) {
            byte[] oldRoot = rootAt(oldSizes[0]);
            ProofVerifier.verifyConsistency(Rfc6962Hasher.DEFAULT, oldSizes[0], leaves,
                    consistency(oldSizes[0]), oldRoot, root);
        }
    }

    private List<byte[]> inclusion(long index) {
        return fetchAndRehash(ProofNodes.inclusion(index, leaves));
    }

    private List<byte[]> consistency(long oldSize) {
        return fetchAndRehash(ProofNodes.consistency(oldSize, leaves));
    }

    private List<byte[]> fetchAndRehash(ProofNodes nodes) {
        List<NodeId> ids = nodes.ids();
        List<byte[]> fetched = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            fetched.add(tree.get(id));
        }
        return nodes.rehash(fetched, Rfc6962Hasher.DEFAULT);
    }

    private byte[] rootAt(long size) {
        List<byte[]> roots = new ArrayList<>();
        for (NodeId id : CompactRange.rangeNodes(0, size)) {
            roots.add(tree.get(id));
        }
        return CompactRange.of(Rfc6962Hasher.DEFAULT, 0, size, roots).root();
    }

    private int nextQuery() {
        int i = next;
        next = (i + 1) & (QUERIES - 1);
        return i;
    }

    /** Server side: the inclusion proof of a random leaf in the whole tree. */
    @Benchmark
    public List<byte[]> inclusionProof() {
        return inclusion(indices[nextQuery()]);
    }

    /** Server side: the consistency proof from a random earlier size to the whole tree. */
    @Benchmark
    public List<byte[]> consistencyProof() {
        return consistency(oldSizes[nextQuery()]);
    }

    /** Client side: verifying an inclusion proof against the checkpoint's root. */
    @Benchmark
    public byte[] verifyInclusionProof() throws ProofVerificationException {
        int i = nextQuery();
        ProofVerifier.verifyInclusion(Rfc6962Hasher.DEFAULT, indices[i], leaves, leafHashes[i],
                inclusionProofs.get(i), root);
        return root;
    }

    /** The root of the whole tree, for tests. */
    byte[] root() {
        return Arrays.copyOf(root, root.length);
    }
}
