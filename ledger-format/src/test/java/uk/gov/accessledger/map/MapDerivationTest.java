package uk.gov.accessledger.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/** The map as a function of the log, the monitors' seq check and their replay of map-root leaves. */
class MapDerivationTest {

    private final RandomSubjects random = new RandomSubjects(4);
    private final SubjectKey alice = random.key();
    private final SubjectKey bob = random.key();

    @Test
    void eachSubjectMapsToItsNewestEntryWithCountSeqPlusOne() {
        List<EntryLeaf> log = List.of(leaf(0, alice, 0), leaf(1, bob, 0), leaf(2, alice, 1), leaf(4, alice, 2));
        assertThat(MapDerivation.derive(log)).containsExactlyInAnyOrderEntriesOf(Map.of(
                alice, new SubjectState(3, 4, log.get(3).leafHash()),
                bob, new SubjectState(1, 1, log.get(1).leafHash())));
    }

    @Test
    void reportsAnEntryWhoseSeqIsNotItsSubjectsCountAndStillFollowsTheRule() {
        MapDerivation derivation = new MapDerivation(key -> key.equals(alice)
                ? Optional.of(new SubjectState(2, 7, new byte[32])) : Optional.empty());
        assertThat(derivation.accept(leaf(10, alice, 2))).isEmpty();
        Optional<MapFinding> gap = derivation.accept(leaf(11, alice, 4));
        assertThat(gap).map(MapFinding::toString)
                .contains("leaf 11: subject " + alice + " seq got 4, want 3 (its count before this entry)");
        assertThat(derivation.accept(leaf(12, bob, 1))).map(MapFinding::leafIndex).contains(12L);
        assertThat(derivation.changes().get(alice).count()).isEqualTo(5);
    }

    @Test
    void refusesLeavesOutOfLogOrder() {
        MapDerivation derivation = new MapDerivation(key -> Optional.empty());
        derivation.accept(leaf(5, alice, 0));
        assertThatThrownBy(() -> derivation.accept(leaf(5, bob, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got index 5 after 5");
    }

    @Test
    void replayAcceptsMapRootsCoveringTheLeavesBeforeThemAndSkipsThemInTheDerivation() {
        List<byte[]> log = new ArrayList<>(List.of(entry(alice, 0), entry(bob, 0)));
        List<EntryLeaf> entries = List.of(leaf(0, alice, 0, log.get(0)), leaf(1, bob, 0, log.get(1)));
        log.add(new MapRootLeaf(2, rootOf(MapDerivation.derive(entries))).toCanonicalJson());
        log.add(entry(alice, 1));
        List<EntryLeaf> more = List.of(entries.get(0), entries.get(1), leaf(3, alice, 1, log.get(3)));
        log.add(new MapRootLeaf(4, rootOf(MapDerivation.derive(more))).toCanonicalJson());
        assertThat(replay(log)).isEmpty();
    }

    @Test
    void replayReportsAWrongRootAWrongTreeSizeABadSeqAndUnreadableLeaves() {
        List<byte[]> log = new ArrayList<>(List.of(entry(alice, 0), entry(alice, 2)));
        log.add(new MapRootLeaf(1, MapHasher.empty()).toCanonicalJson());
        log.add("{\"kind\":\"map-root\"}".getBytes(StandardCharsets.UTF_8));
        log.add("not json".getBytes(StandardCharsets.UTF_8));
        assertThat(replay(log)).extracting(MapFinding::toString).satisfiesExactly(
                f -> assertThat(f).startsWith("leaf 1: subject " + alice + " seq got 2, want 1"),
                f -> assertThat(f).isEqualTo("leaf 2: map-root leaf treeSize got 1, want 2 (the leaves before it)"),
                f -> assertThat(f).startsWith("leaf 2: map root got ").endsWith("(derived from leaves 0 to 1)"),
                f -> assertThat(f).startsWith("leaf 3: couldn't read map-root leaf: map-root leaf members got [kind]"),
                f -> assertThat(f).startsWith("leaf 4: couldn't read leaf as JSON"));
    }

    private static List<MapFinding> replay(List<byte[]> log) {
        MapReplay replay = new MapReplay(new InMemoryNodeStore());
        List<MapFinding> findings = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            findings.addAll(replay.accept(i, log.get(i)));
        }
        return findings;
    }

    private static byte[] rootOf(Map<SubjectKey, SubjectState> set) {
        return new ReferenceMap(set).root();
    }

    private byte[] entry(SubjectKey subject, long seq) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("v", 1).put("kind", "access")
                .put("subject", subject.toHex()).put("seq", seq).put("id", random.key().toHex());
        return CanonicalJson.canonicalize(entry);
    }

    private static EntryLeaf leaf(long index, SubjectKey subject, long seq, byte[] bytes) {
        return new EntryLeaf(index, subject, seq, Rfc6962Hasher.JDK.hashLeaf(bytes));
    }

    private EntryLeaf leaf(long index, SubjectKey subject, long seq) {
        return new EntryLeaf(index, subject, seq, random.key().bytes());
    }
}
