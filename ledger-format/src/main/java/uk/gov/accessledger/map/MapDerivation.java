package uk.gov.accessledger.map;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The map as a function of the log (docs/map-format.md, "Derivation"): for every subject,
 * {@code map[subject] = (seq + 1, index, leafHash)} of its newest entry, the entry leaves read in
 * log order; map-root leaves are no subject's entries and are not given to it. It also makes the
 * check monitors run: an entry's {@code seq} must equal its subject's count before it.
 *
 * <p>One derivation covers one batch: it collects the batch's changes over the map as it was
 * before (read through {@code before}), to be applied with {@link SubjectMap#update}. The value
 * follows the rule even when the check fails, so every monitor derives the same root.
 */
public final class MapDerivation {

    private final Function<SubjectKey, Optional<SubjectState>> before;
    private final TreeMap<SubjectKey, SubjectState> changes = new TreeMap<>();
    private long lastIndex = -1;

    /** A derivation over the map whose values {@code before} returns (such as {@code map::get}). */
    public MapDerivation(Function<SubjectKey, Optional<SubjectState>> before) {
        this.before = before;
    }

    /** Derives the whole map from the entry leaves of a log, in order, from the empty map. */
    public static SortedMap<SubjectKey, SubjectState> derive(Iterable<EntryLeaf> leaves) {
        MapDerivation derivation = new MapDerivation(key -> Optional.empty());
        for (EntryLeaf leaf : leaves) {
            derivation.accept(leaf);
        }
        return derivation.changes();
    }

    /**
     * Applies the rule to the next entry leaf and checks its {@code seq}.
     *
     * @param leaf requires an index greater than that of the leaf before it
     * @return the finding if {@code seq} is not the subject's count before this entry
     */
    public Optional<MapFinding> accept(EntryLeaf leaf) {
        if (leaf.index() <= lastIndex) {
            throw new IllegalArgumentException("requires leaves in log order: got index " + leaf.index()
                    + " after " + lastIndex);
        }
        lastIndex = leaf.index();
        long count = countBefore(leaf.subject());
        changes.put(leaf.subject(), new SubjectState(leaf.seq() + 1, leaf.index(), leaf.leafHash()));
        return leaf.seq() == count
                ? Optional.empty()
                : Optional.of(new MapFinding(leaf.index(), "subject " + leaf.subject() + " seq got "
                        + leaf.seq() + ", want " + count + " (its count before this entry)"));
    }

    private long countBefore(SubjectKey subject) {
        SubjectState changed = changes.get(subject);
        if (changed != null) {
            return changed.count();
        }
        return before.apply(subject).map(SubjectState::count).orElse(0L);
    }

    /** Returns the new values of the subjects this batch's entries touched, sorted by key. */
    public SortedMap<SubjectKey, SubjectState> changes() {
        return Collections.unmodifiableSortedMap(changes);
    }
}
