package uk.gov.accessledger.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in measurement of proof sizes and batch update cost at a given number of subjects, printed,
 * never asserted on time: {@code -Dmap.measure=1000000 -DargLine=-Xmx6g}. Keys are random (subjects
 * are pseudorandom); batches of 10,000 changes build the map, then batches of 1,000 changes, half
 * new subjects and half new values of present ones, measure the steady state.
 */
@EnabledIfSystemProperty(named = "map.measure", matches = "\\d+")
class MapScaleMeasurementTest {

    private static final int BUILD_BATCH = 10_000;
    private static final int MEASURED_BATCH = 1_000;
    private static final int MEASURED_BATCHES = 20;
    private static final int SAMPLED_PROOFS = 200_000;

    @Test
    void measureProofSizeAndUpdateCost() throws MapProofException {
        int n = Integer.parseInt(System.getProperty("map.measure"));
        RandomSubjects random = new RandomSubjects(n);
        InMemoryNodeStore store = new InMemoryNodeStore();
        SubjectMap map = new SubjectMap(store);
        List<SubjectKey> present = new ArrayList<>(Math.min(n, 1 << 20));
        long start = System.nanoTime();
        for (int built = 0; built < n; ) {
            TreeMap<SubjectKey, SubjectState> batch = new TreeMap<>();
            for (; batch.size() < BUILD_BATCH && built < n; built++) {
                SubjectKey key = random.key();
                batch.put(key, random.value());
                if (present.size() < (1 << 20)) {
                    present.add(key);
                }
            }
            map.update(batch);
        }
        long buildNanos = System.nanoTime() - start;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("map of %,d subjects built in batches of %,d: %.1f s, %,d nodes, ~%,d MB heap%n", n, BUILD_BATCH,
                buildNanos / 1e9, store.size(), (rt.totalMemory() - rt.freeMemory()) >> 20);

        long hashes = map.hashCount();
        long nanos = 0;
        for (int b = 0; b < MEASURED_BATCHES; b++) {
            TreeMap<SubjectKey, SubjectState> batch = new TreeMap<>();
            while (batch.size() < MEASURED_BATCH) {
                batch.put(batch.size() % 2 == 0 ? random.key() : present.get(random.nextInt(present.size())), random.value());
            }
            long t = System.nanoTime();
            map.update(batch);
            nanos += System.nanoTime() - t;
        }
        int updates = MEASURED_BATCH * MEASURED_BATCHES;
        System.out.printf("steady state, batches of %,d (half new subjects): %.1f hashes/update, %.1f µs/update%n",
                MEASURED_BATCH, (map.hashCount() - hashes) / (double) updates, nanos / 1e3 / updates);

        byte[] root = map.root();
        measureProofs("present", map, root, () -> present.get(random.nextInt(present.size())));
        measureProofs("absent", map, root, random::key);
    }

    private static void measureProofs(String what, SubjectMap map, byte[] root, Supplier<SubjectKey> keys)
            throws MapProofException {
        long total = 0;
        long totalJson = 0;
        int max = 0;
        int maxDepth = 0;
        long t = System.nanoTime();
        for (int i = 0; i < SAMPLED_PROOFS; i++) {
            SubjectKey key = keys.get();
            MapProof proof = map.prove(key);
            int size = MapProofCodec.encode(proof).length;
            total += size;
            totalJson += MapProofJson.toJson(proof).toString().length();
            max = Math.max(max, size);
            maxDepth = Math.max(maxDepth, proof.depth());
            assertThat(MapProofVerifier.verify(root, key, proof).isPresent()).isEqualTo(what.equals("present"));
        }
        System.out.printf("%s proofs (%,d sampled): bytes avg %.1f, max %d (depth max %d); JSON avg %.1f chars; "
                + "%.1f µs to prove, encode and verify%n", what, SAMPLED_PROOFS, total / (double) SAMPLED_PROOFS, max,
                maxDepth, totalJson / (double) SAMPLED_PROOFS, (System.nanoTime() - t) / 1e3 / SAMPLED_PROOFS);
    }
}
