package uk.gov.accessledger.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks {@link SubjectMap} (batch updates over a node store) against {@link ReferenceMap}
 * (the recursive definitions) on random sets with fixed seeds: equal roots whatever the order and
 * batching of the insertions, equal proof bytes for present and absent keys, and proofs that
 * {@link MapProofVerifier} accepts with the right answer.
 */
class MapReferenceCrossCheckTest {

    @Test
    void rootAndProofsMatchTheReferenceForEverySizeUpTo64() throws MapProofException {
        for (int size = 0; size <= 64; size++) {
            checkRandomSet(new RandomSubjects(size), size, false);
        }
    }

    @Test
    void rootAndProofsMatchTheReferenceOnSetsWithDeepPaths() throws MapProofException {
        for (int seed = 0; seed < 40; seed++) {
            checkRandomSet(new RandomSubjects(1000 + seed), 5 + seed, true);
        }
    }

    @Test
    void keysDifferingOnlyInTheirLastBitAreLeavesAtDepth256() throws MapProofException {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        b[31] = 1;
        RandomSubjects random = new RandomSubjects(7);
        Map<SubjectKey, SubjectState> set = Map.of(new SubjectKey(a), random.value(), new SubjectKey(b), random.value());
        SubjectMap map = new SubjectMap(new InMemoryNodeStore());
        map.update(new TreeMap<>(set));
        MapProof proof = map.prove(new SubjectKey(b));
        assertThat(proof.depth()).isEqualTo(256);
        assertThat(map.root()).isEqualTo(new ReferenceMap(set).root());
        assertThat(MapProofVerifier.verify(map.root(), new SubjectKey(b), proof)).contains(set.get(new SubjectKey(b)));
    }

    @Test
    void newValuesForPresentKeysGiveTheReferenceRoot() throws MapProofException {
        RandomSubjects random = new RandomSubjects(99);
        Map<SubjectKey, SubjectState> set = new HashMap<>();
        SubjectMap map = new SubjectMap(new InMemoryNodeStore());
        for (int round = 0; round < 20; round++) {
            TreeMap<SubjectKey, SubjectState> batch = new TreeMap<>();
            List<SubjectKey> present = new ArrayList<>(set.keySet());
            for (int i = 0; i < 10; i++) {
                SubjectKey key = present.isEmpty() || random.nextInt(2) == 0 ? random.key()
                        : present.get(random.nextInt(present.size()));
                batch.put(key, random.value());
            }
            set.putAll(batch);
            assertThat(map.update(batch)).isEqualTo(new ReferenceMap(set).root());
        }
        checkProofs(map, new ReferenceMap(set), set, random);
    }

    @Test
    void emptyBatchLeavesTheRootAsItWas() {
        SubjectMap map = new SubjectMap(new InMemoryNodeStore());
        assertThat(map.update(new TreeMap<>())).isEqualTo(MapHasher.empty());
        assertThat(map.root()).isEqualTo(new ReferenceMap(Map.of()).root());
    }

    private static void checkRandomSet(RandomSubjects random, int size, boolean clustered) throws MapProofException {
        Map<SubjectKey, SubjectState> set = new HashMap<>();
        SubjectKey base = random.key();
        while (set.size() < size) {
            set.put(clustered ? random.keyNear(base, 200 + random.nextInt(56)) : random.key(), random.value());
        }
        ReferenceMap reference = new ReferenceMap(set);
        byte[] want = reference.root();

        SubjectMap allAtOnce = new SubjectMap(new InMemoryNodeStore());
        assertThat(allAtOnce.update(new TreeMap<>(set))).as("root of %d keys in one batch", size).isEqualTo(want);

        List<SubjectKey> order = new ArrayList<>(set.keySet());
        Collections.shuffle(order, random.asRandom());
        SubjectMap inBatches = new SubjectMap(new InMemoryNodeStore());
        for (int i = 0; i < order.size(); ) {
            TreeMap<SubjectKey, SubjectState> batch = new TreeMap<>();
            for (int n = 1 + random.nextInt(4); n > 0 && i < order.size(); n--, i++) {
                batch.put(order.get(i), set.get(order.get(i)));
            }
            inBatches.update(batch);
        }
        assertThat(inBatches.root()).as("root of %d keys in random batches", size).isEqualTo(want);
        checkProofs(inBatches, reference, set, random);
    }

    private static void checkProofs(SubjectMap map, ReferenceMap reference, Map<SubjectKey, SubjectState> set,
            RandomSubjects random) throws MapProofException {
        List<SubjectKey> queries = new ArrayList<>(set.keySet());
        SubjectKey anyKey = queries.isEmpty() ? random.key() : queries.get(0);
        for (int i = 0; i < 10; i++) {
            queries.add(random.key());
            queries.add(random.keyNear(anyKey, random.nextInt(256)));
        }
        for (SubjectKey key : queries) {
            MapProof proof = map.prove(key);
            assertThat(MapProofCodec.encode(proof)).as("proof of %s", key)
                    .isEqualTo(MapProofCodec.encode(reference.prove(key)));
            assertThat(MapProofVerifier.verify(map.root(), key, proof)).isEqualTo(Optional.ofNullable(set.get(key)));
            assertThat(map.get(key)).isEqualTo(Optional.ofNullable(set.get(key)));
        }
    }
}
