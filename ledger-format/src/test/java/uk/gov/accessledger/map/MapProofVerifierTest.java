package uk.gov.accessledger.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tampered map proofs are refused with the exception that says what is wrong. */
class MapProofVerifierTest {

    private final RandomSubjects random = new RandomSubjects(20);
    private final TreeMap<SubjectKey, SubjectState> set = new TreeMap<>();
    private SubjectMap map;
    private SubjectKey present;
    private SubjectKey absent;
    private MapProof presence;

    @BeforeEach
    void fillMap() {
        for (int i = 0; i < 1000; i++) {
            set.put(random.key(), random.value());
        }
        map = new SubjectMap(new InMemoryNodeStore());
        map.update(set);
        present = set.firstKey();
        absent = random.key();
        presence = map.prove(present);
    }

    @Test
    void acceptsPresenceWithItsValueAndAbsenceOfBothShapes() throws MapProofException {
        assertThat(MapProofVerifier.verify(map.root(), present, presence)).contains(set.get(present));
        assertThat(MapProofVerifier.verify(map.root(), absent, map.prove(absent))).isEmpty();
        SubjectKey beside = besideALeaf();
        assertThat(map.prove(beside).terminal()).isInstanceOf(MapProof.OtherLeaf.class);
        assertThat(MapProofVerifier.verify(map.root(), beside, map.prove(beside))).isEmpty();
    }

    @Test
    void acceptsTheEmptyMapsAbsenceProofOnlyAgainstTheEmptyRoot() throws MapProofException {
        MapProof empty = new MapProof(List.of(), new MapProof.Empty());
        assertThat(MapProofVerifier.verify(MapHasher.empty(), absent, empty)).isEmpty();
        assertThatThrownBy(() -> MapProofVerifier.verify(map.root(), absent, empty))
                .isInstanceOf(MapRootMismatchException.class);
    }

    @Test
    void refusesAProofForAnotherKey() {
        SubjectKey other = set.lastKey();
        assertThatThrownBy(() -> MapProofVerifier.verify(map.root(), other, presence))
                .isInstanceOf(MapRootMismatchException.class)
                .hasMessageContaining("got ").hasMessageContaining(", want ");
    }

    @Test
    void refusesAChangedValue() {
        SubjectState v = set.get(present);
        byte[] otherHash = v.newestLeafHash();
        otherHash[0] ^= 1;
        for (SubjectState changed : List.of(new SubjectState(v.count() + 1, v.newestLeafIndex(), v.newestLeafHash()),
                new SubjectState(Math.max(1, v.count() - 1), v.newestLeafIndex(), v.newestLeafHash()),
                new SubjectState(v.count(), v.newestLeafIndex() + 1, v.newestLeafHash()),
                new SubjectState(v.count(), v.newestLeafIndex(), otherHash))) {
            MapProof tampered = new MapProof(presence.siblings(), new MapProof.Present(changed));
            assertThatThrownBy(() -> MapProofVerifier.verify(map.root(), present, tampered))
                    .as("value %s", changed).isInstanceOf(MapRootMismatchException.class);
        }
    }

    @Test
    void refusesAChangedSiblingAtEveryDepth() {
        for (int d = 1; d <= presence.depth(); d++) {
            List<byte[]> siblings = presence.siblings();
            siblings.get(d - 1)[31] ^= 1;
            MapProof tampered = new MapProof(siblings, presence.terminal());
            assertThatThrownBy(() -> MapProofVerifier.verify(map.root(), present, tampered))
                    .as("sibling at depth %d", d).isInstanceOf(MapRootMismatchException.class);
        }
    }

    @Test
    void refusesATruncatedOrExtendedProof() {
        List<byte[]> shorter = presence.siblings().subList(0, presence.depth() - 1);
        assertThatThrownBy(() -> MapProofVerifier.verify(map.root(), present, new MapProof(shorter, presence.terminal())))
                .isInstanceOf(MapRootMismatchException.class);
        List<byte[]> longer = new ArrayList<>(presence.siblings());
        longer.add(random.key().bytes());
        assertThatThrownBy(() -> MapProofVerifier.verify(map.root(), present, new MapProof(longer, presence.terminal())))
                .isInstanceOf(MapRootMismatchException.class);
        List<byte[]> padded = new ArrayList<>(presence.siblings());
        padded.add(MapHasher.empty());
        assertThatThrownBy(() -> MapProofVerifier.verify(map.root(), present, new MapProof(padded, presence.terminal())))
                .isInstanceOf(MalformedMapProofException.class)
                .hasMessageContaining("want the deepest sibling non-empty");
    }

    @Test
    void refusesAnAbsenceProofForAPresentKey() {
        MapProof fromSmallerMap = new SubjectMap(new InMemoryNodeStore()).prove(present);
        assertThatThrownBy(() -> MapProofVerifier.verify(map.root(), present, fromSmallerMap))
                .isInstanceOf(MapRootMismatchException.class);
        MapProof namingItself = new MapProof(presence.siblings(),
                new MapProof.OtherLeaf(present, new MapHasher().valueHash(set.get(present))));
        assertThatThrownBy(() -> MapProofVerifier.verify(map.root(), present, namingItself))
                .isInstanceOf(MapProofKeyMismatchException.class)
                .hasMessageContaining("got the queried key").hasMessageContaining("want another key");
    }

    @Test
    void refusesAPresenceProofTurnedIntoAbsence() {
        MapProof turned = new MapProof(presence.siblings(), new MapProof.Empty());
        assertThatThrownBy(() -> MapProofVerifier.verify(map.root(), present, turned))
                .isInstanceOf(MapRootMismatchException.class);
    }

    @Test
    void refusesAnAbsenceProofWhoseLeafIsOffThePath() {
        SubjectKey beside = besideALeaf();
        MapProof proof = map.prove(beside);
        MapProof.OtherLeaf leaf = (MapProof.OtherLeaf) proof.terminal();
        SubjectKey elsewhere = random.keyNear(beside, 0);
        while (elsewhere.sharesPrefix(beside, proof.depth())) {
            elsewhere = random.key();
        }
        MapProof offPath = new MapProof(proof.siblings(), new MapProof.OtherLeaf(elsewhere, leaf.valueHash()));
        assertThatThrownBy(() -> MapProofVerifier.verify(map.root(), beside, offPath))
                .isInstanceOf(MapProofKeyMismatchException.class)
                .hasMessageContaining("want one whose first " + proof.depth() + " bits");
    }

    /** An absent key whose path ends in another key's leaf: that key with its last bit flipped. */
    private SubjectKey besideALeaf() {
        byte[] bytes = present.bytes();
        bytes[31] ^= 1;
        return new SubjectKey(bytes);
    }
}
