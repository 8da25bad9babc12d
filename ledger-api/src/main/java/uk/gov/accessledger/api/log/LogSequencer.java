package uk.gov.accessledger.api.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.NoteVerificationException;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Gives every queued entry exactly one leaf and signs a checkpoint for each extension of the tree.
 * Any number of API nodes may run one; the {@code log_state} row lock lets one at a time extend
 * the tree, and a node that finds the tree moved by another rebuilds its compact range from the
 * stored nodes and checks it against the last checkpoint before signing anything.
 *
 * <p>Failover: a sequencing round is one transaction holding the lock. If its node dies, the
 * database ends the session when the connection closes (a killed process) or when it has been
 * idle for {@code ledger.log.lock-idle-timeout} (a frozen or cut-off node), the transaction rolls
 * back with its unpublished checkpoint, and the next node waiting for the lock carries on from the
 * last committed checkpoint.
 *
 * <p>Rollback guard: every node keeps, in its {@link LastCheckpointFile}, the newest checkpoint it
 * has seen committed, and refuses to sign on a database whose tree does not extend it.
 */
@Component
class LogSequencer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogSequencer.class);
    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.DEFAULT;

    private final LogStore store;
    private final TransactionTemplate transactions;
    private final Ed25519NoteSigner signer;
    private final LogProperties properties;
    private final Clock clock;
    private final Counter leaves;
    private final Counter failures;
    private final AtomicLong treeSize = new AtomicLong();

    /**
     * The tree as this node last committed it. Touched only by {@link #sequenceOnce()}, which runs
     * on one thread at a time (synchronized); may be stale if another node has since extended it.
     */
    private CompactRange committed;

    /** Serialises {@link #sequenceOnce()} calls from the scheduler and from tests. */
    private final Object sequencing = new Object();

    /**
     * This node's record of the newest checkpoint committed (unused on an in-memory database).
     * Invariants: {@code committed} is always a checkpoint the database held, so a database whose
     * tree does not extend it has lost a checkpoint clients may hold; and the file is never behind
     * a checkpoint this node committed, because it names the checkpoint as {@code signing}, on
     * disk, before the commit that publishes it, and as {@code committed} once the commit is
     * known. Only {@link #sequenceOnce()} touches it.
     */
    private final LastCheckpointFile checkpointFile;

    /** What {@link #checkpointFile} holds; null until it has been read. */
    private LastCheckpointFile.State witnessed;

    private ScheduledExecutorService executor;
    private volatile LogIntegrityException failure;

    LogSequencer(LogStore store, TransactionTemplate transactions, Ed25519NoteSigner signer,
                 LogProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.transactions = transactions;
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
        this.leaves = meters.counter("ledger.log.leaves");
        this.failures = meters.counter("ledger.log.sequencer.failures");
        Gauge.builder("ledger.log.tree.size", treeSize, AtomicLong::get).register(meters);
        this.checkpointFile = new LastCheckpointFile(properties.lastCheckpointFile());
    }

    /**
     * Runs one sequencing transaction: lock the log, take up to the configured number of queued
     * entries, append them, store every new node and sign the new checkpoint. Returns the number
     * of leaves added.
     */
    int sequenceOnce() {
        synchronized (sequencing) {
            return sequenceLocked();
        }
    }

    private int sequenceLocked() {
        if (failure != null) {
            throw failure;
        }
        CompactRange[] next = new CompactRange[1];
        Integer added;
        try {
            added = transactions.execute(status -> {
                store.boundLockHold(properties.lockWaitTimeout(), properties.lockIdleTimeout());
                long size = store.lockTreeSize();
                CompactRange range = rangeAt(size);
                List<LogStore.Pending> batch = store.pending(properties.maxLeavesPerCheckpoint());
                if (batch.isEmpty()) {
                    next[0] = range;
                    return 0;
                }
                CompactRange extended = CompactRange.of(HASHER, 0, range.end(), range.hashes());
                List<LogStore.Node> nodes = new ArrayList<>(batch.size() * 2);
                for (int i = 0; i < batch.size(); i++) {
                    byte[] leafHash = batch.get(i).leafHash();
                    nodes.add(new LogStore.Node(0, size + i, leafHash));
                    extended.append(leafHash, (id, hash) -> nodes.add(new LogStore.Node(id.level(), id.index(), hash)));
                }
                long newSize = extended.end();
                store.appendLeaves(size, batch);
                store.insertNodes(nodes);
                store.setTreeSize(newSize);
                // On disk before the commit that publishes it; if the commit fails, the next round
                // finds the database without it and carries on from `size` (see rangeAt).
                witness(new LastCheckpointFile.State(new LastCheckpointFile.Mark(size, range.root()),
                        new LastCheckpointFile.Mark(newSize, extended.root())));
                sign(newSize, extended.root());
                next[0] = extended;
                return batch.size();
            });
        } catch (LogIntegrityException e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            committed = null; // rebuild from what is stored, and settle the file, next time
            throw e;
        }
        settleWitnessed(next[0]);
        committed = next[0];
        treeSize.set(committed.end());
        leaves.increment(added);
        return added;
    }

    /**
     * The compact range of the first {@code size} leaves, checked against the last checkpoint and
     * against this node's last-checkpoint file.
     */
    private CompactRange rangeAt(long size) {
        if (committed != null && committed.end() == size) {
            return committed;
        }
        CompactRange range = CompactRange.of(HASHER, 0, size, store.nodes(CompactRange.rangeNodes(0, size)));
        var latest = store.latestCheckpoint();
        if (latest.isEmpty()) {
            if (size != 0) {
                throw new LogIntegrityException("couldn't find a checkpoint for a log of size " + size);
            }
        } else if (latest.get().size() != size || !Arrays.equals(latest.get().rootHash(), range.root())) {
            throw new LogIntegrityException("couldn't resume the log: the stored tree of size " + size
                    + " does not match the last checkpoint of size " + latest.get().size());
        } else {
            try {
                Checkpoint.open(latest.get().note(), signer.verifier());
            } catch (NoteVerificationException e) {
                // Another node signs with another key: two keys for one log would let clients
                // see two histories. Every node of a log must share the signing key.
                throw new LogIntegrityException("couldn't resume the log: its last checkpoint is not signed by"
                        + " this node's key " + signer.verifierKey());
            }
        }
        requireExtendsWitnessed(size, range.root());
        if (latest.isEmpty()) {
            sign(0, range.root()); // the empty log has a checkpoint too, so clients can start from it
        }
        return range;
    }

    /**
     * Refuses a database whose tree (of {@code size} leaves, root {@code root}) does not extend the
     * checkpoint this node last saw committed.
     * A {@code signing} line the database does not extend is a commit that did not complete: the
     * file was written before it, and nothing else could have published that checkpoint.
     */
    private void requireExtendsWitnessed(long size, byte[] root) {
        if (store.inMemory()) {
            return;
        }
        if (witnessed == null) {
            try {
                witnessed = checkpointFile.read().orElse(null);
            } catch (RuntimeException e) {
                throw new LogIntegrityException("couldn't check the database against this node's last checkpoint: "
                        + e.getMessage());
            }
            if (witnessed == null) {
                log.info("no last-checkpoint file at {}: starting one at the database's checkpoint of size {}",
                        checkpointFile.path().toAbsolutePath(), size);
            }
        }
        if (witnessed != null) {
            LastCheckpointFile.Mark seen = witnessed.committed();
            if (size < seen.size()) {
                throw new LogRollbackException(seen, size, "refusing to sign: the database's log has "
                        + size + " leaves, fewer than the checkpoint of " + seen + " that this node saw committed"
                        + " (" + checkpointFile.path().toAbsolutePath() + "); the database was restored from an"
                        + " older backup or rolled back. See docs/operations.md, \"Recovery when a node refuses to sign\"");
            }
            byte[] rootThen = rootAt(seen.size(), size, root);
            if (!Arrays.equals(rootThen, seen.root())) {
                throw new LogRollbackException(seen, size, "refusing to sign: the database's log at size "
                        + seen.size() + " has root " + Base64.getEncoder().encodeToString(rootThen)
                        + ", not the root of the checkpoint of " + seen + " that this node saw committed ("
                        + checkpointFile.path().toAbsolutePath() + "); the database holds another history."
                        + " See docs/operations.md, \"Recovery when a node refuses to sign\"");
            }
            LastCheckpointFile.Mark signing = witnessed.signing();
            if (signing != null && (size < signing.size()
                    || !Arrays.equals(rootAt(signing.size(), size, root), signing.root()))) {
                log.warn("the checkpoint of {} that this node was committing when it last stopped or failed is"
                        + " not in the database: its commit did not complete; the log goes on from size {}",
                        signing, size);
            }
        }
    }

    /**
     * Records {@code tree}, now committed (by this node or another), as the file's checkpoint.
     * After the commit, so the lock is not held for it; only a change is written.
     */
    private void settleWitnessed(CompactRange tree) {
        if (store.inMemory()) {
            return;
        }
        byte[] root = tree.root();
        if (witnessed == null || witnessed.signing() != null || !witnessed.committed().sameAs(tree.end(), root)) {
            witness(new LastCheckpointFile.State(new LastCheckpointFile.Mark(tree.end(), root), null));
        }
    }

    /** The root of the first {@code size} leaves of the stored tree whose {@code treeSize} leaves have {@code treeRoot}. */
    private byte[] rootAt(long size, long treeSize, byte[] treeRoot) {
        return size == treeSize ? treeRoot : store.rootAt(size);
    }

    /** Writes {@code state} to this node's last-checkpoint file; returns once it is on disk. */
    private void witness(LastCheckpointFile.State state) {
        if (store.inMemory()) {
            return;
        }
        checkpointFile.write(state);
        witnessed = state;
    }

    private void sign(long size, byte[] root) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String note = new Checkpoint(properties.origin(), size, root).sign(signer);
        store.insertCheckpoint(size, root, note, now);
    }

    /** Why the sequencer stopped, if it did. */
    LogIntegrityException failure() {
        return failure;
    }

    private void tick() {
        try {
            // Drain the queue; each round is one transaction and one checkpoint.
            while (sequenceOnce() == properties.maxLeavesPerCheckpoint()) {
                // more are waiting
            }
        } catch (LogIntegrityException e) {
            log.error("log sequencer stopped: {}", e.getMessage());
            executor.shutdown();
        } catch (PessimisticLockingFailureException e) {
            log.info("log lock held by another node for over {}; will try again", properties.lockWaitTimeout());
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("log sequencing failed, will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "log-sequencer");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, properties.sequenceInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /** Start after the web server and the event processors, stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
