package uk.gov.accessledger.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.problem.ProblemType;
import uk.gov.accessledger.chain.ConcernDetails;

/**
 * Group commit with a recorder that blocks until released, so which requests share a group is
 * decided by the test, not by timing.
 */
class GroupCommitTest {

    private final CountDownLatch release = new CountDownLatch(1);
    /** Every call to the recorder, in order: the ids it was given. */
    private final List<List<UUID>> calls = Collections.synchronizedList(new ArrayList<>());
    /** Ids the recorder refuses, as a chain refuses a correction of an unknown entry. */
    private final Map<UUID, Boolean> refused = new ConcurrentHashMap<>();
    /** Ids on which the recorder fails with an Error, as on running out of memory. */
    private final Map<UUID, Boolean> broken = new ConcurrentHashMap<>();
    /** Entries the recorder submits just before failing on the broken id they are keyed by. */
    private final Map<UUID, ParsedEntry> followers = new ConcurrentHashMap<>();
    private final AtomicReference<Future<EntryRecorder.Outcome>> follower = new AtomicReference<>();
    /** Ids whose recording waits for {@link #hold}. */
    private final Map<UUID, Boolean> held = new ConcurrentHashMap<>();
    private final CountDownLatch hold = new CountDownLatch(1);

    private final GroupCommit groups = new GroupCommit(entries -> {
        calls.add(entries.stream().map(ParsedEntry::id).toList());
        try {
            release.await();
            if (entries.stream().anyMatch(e -> held.containsKey(e.id()))) {
                hold.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (ParsedEntry e : entries) {
            if (broken.containsKey(e.id())) {
                if (followers.containsKey(e.id())) {
                    follower.set(this.groups.submit(followers.get(e.id())));
                }
                throw new AssertionError("broken " + e.id());
            }
            if (refused.containsKey(e.id())) {
                throw new ProblemException(ProblemType.UNKNOWN_ENTRY_REFERENCE, "refused " + e.id(), List.of());
            }
        }
        return new EntryRecorder.Outcome(entries.stream().map(e -> receipt(e.id())).toList(),
                entries.stream().map(e -> true).toList());
    }, new SimpleMeterRegistry());

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        hold.countDown();
        groups.close();
    }

    @Test
    void recordsRequestsThatArriveWhileGroupsAreRunningAsOneGroup() throws Exception {
        Future<EntryRecorder.Outcome> first = submit(entry(UUID.randomUUID()));
        awaitCalls(1);
        Future<EntryRecorder.Outcome> second = submit(entry(UUID.randomUUID()));
        awaitCalls(2);
        List<ParsedEntry> waiting = List.of(entry(UUID.randomUUID()), entry(UUID.randomUUID()),
                entry(UUID.randomUUID()));
        List<Future<EntryRecorder.Outcome>> answers = new ArrayList<>();
        for (ParsedEntry e : waiting) {
            answers.add(submit(e));
        }
        awaitQueued(3);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).receipts()).hasSize(1);
        assertThat(second.get(10, TimeUnit.SECONDS).receipts()).hasSize(1);
        for (int i = 0; i < waiting.size(); i++) {
            EntryRecorder.Outcome outcome = answers.get(i).get(10, TimeUnit.SECONDS);
            assertThat(outcome.receipts()).extracting(Receipt::id).containsExactly(waiting.get(i).id());
            assertThat(outcome.recordedNow()).containsExactly(true);
        }
        assertThat(calls).hasSize(3);
        assertThat(calls.get(2)).containsExactlyInAnyOrderElementsOf(waiting.stream().map(ParsedEntry::id).toList());
    }

    @Test
    void recordsEachRequestOnItsOwnWhenTheirGroupFails() throws Exception {
        blockBothRunners();
        UUID bad = UUID.randomUUID();
        refused.put(bad, true);
        ParsedEntry good1 = entry(UUID.randomUUID());
        ParsedEntry good2 = entry(UUID.randomUUID());
        Future<EntryRecorder.Outcome> a = submit(good1);
        Future<EntryRecorder.Outcome> b = submit(entry(bad));
        Future<EntryRecorder.Outcome> c = submit(good2);
        awaitQueued(3);
        release.countDown();

        assertThat(a.get(10, TimeUnit.SECONDS).receipts().get(0).id()).isEqualTo(good1.id());
        assertThat(c.get(10, TimeUnit.SECONDS).receipts().get(0).id()).isEqualTo(good2.id());
        assertThatThrownBy(() -> b.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ProblemException.class)
                .hasMessageContaining("refused " + bad);
        // The group of three failed as a whole, then each was tried alone.
        assertThat(calls.subList(2, calls.size())).contains(List.of(good1.id()), List.of(bad), List.of(good2.id()));
        assertThat(calls.get(2)).hasSize(3);
    }

    @Test
    void neverPutsTwoRequestsWithTheSameIdInOneGroup() throws Exception {
        blockBothRunners();
        UUID id = UUID.randomUUID();
        Future<EntryRecorder.Outcome> a = submit(entry(id));
        Future<EntryRecorder.Outcome> b = submit(entry(id));
        Future<EntryRecorder.Outcome> c = submit(entry(UUID.randomUUID()));
        awaitQueued(3);
        release.countDown();

        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);
        c.get(10, TimeUnit.SECONDS);
        for (List<UUID> call : calls) {
            assertThat(call).doesNotHaveDuplicates();
        }
        assertThat(calls.stream().filter(call -> call.contains(id))).hasSize(2);
    }

    @Test
    void queuesEveryRequestWithoutAThreadSoThatGroupsGrowWithTheLoad() throws Exception {
        blockBothRunners();
        List<UUID> ids = new ArrayList<>();
        List<Future<EntryRecorder.Outcome>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(UUID.randomUUID());
            answers.add(submit(entry(ids.get(i))));
        }
        assertThat(answers).noneMatch(Future::isDone);
        assertThat(groups.queued()).isEqualTo(100);
        release.countDown();

        for (int i = 0; i < ids.size(); i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS).receipts().get(0).id()).isEqualTo(ids.get(i));
        }
        assertThat(calls).hasSize(3);
        assertThat(calls.get(2)).containsExactlyElementsOf(ids);
    }

    @Test
    void recordsWhatIsQueuedWhenAGroupFailsWithAnError() throws Exception {
        release.countDown();
        UUID slow = UUID.randomUUID();
        held.put(slow, true);
        Future<EntryRecorder.Outcome> heldAnswer = submit(entry(slow));
        awaitCalls(1);
        // The broken group's recorder queues this entry, then fails: the one other recorder is
        // held, so only a recorder started in the failed one's place can record it.
        UUID bad = UUID.randomUUID();
        ParsedEntry queuedBehind = entry(UUID.randomUUID());
        broken.put(bad, true);
        followers.put(bad, queuedBehind);
        assertThatThrownBy(() -> submit(entry(bad)).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(AssertionError.class);
        assertThat(follower.get().get(10, TimeUnit.SECONDS).receipts().get(0).id()).isEqualTo(queuedBehind.id());
        assertThat(heldAnswer).isNotDone();
        hold.countDown();
        heldAnswer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void answersAGroupThatFailsWithAnErrorAndGoesOnRecording() throws Exception {
        release.countDown();
        // As many as there are recording threads: none may be lost to the Error.
        for (int i = 0; i < GroupCommit.MAX_RUNNING; i++) {
            UUID bad = UUID.randomUUID();
            broken.put(bad, true);
            assertThatThrownBy(() -> submit(entry(bad)).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(AssertionError.class);
        }
        for (int i = 0; i < 2 * GroupCommit.MAX_RUNNING; i++) {
            UUID good = UUID.randomUUID();
            assertThat(submit(entry(good)).get(10, TimeUnit.SECONDS).receipts().get(0).id()).isEqualTo(good);
        }
    }

    @Test
    void recordsWhatIsQueuedBeforeClosing() throws Exception {
        blockBothRunners();
        List<Future<EntryRecorder.Outcome>> answers = List.of(submit(entry(UUID.randomUUID())),
                submit(entry(UUID.randomUUID())));
        release.countDown();
        groups.close();
        assertThat(answers).allMatch(Future::isDone);
        assertThat(calls).hasSize(3);
    }

    /** Occupies both running groups, so that what comes next has to queue. */
    private void blockBothRunners() throws InterruptedException {
        submit(entry(UUID.randomUUID()));
        awaitCalls(1);
        submit(entry(UUID.randomUUID()));
        awaitCalls(2);
    }

    private Future<EntryRecorder.Outcome> submit(ParsedEntry entry) {
        return groups.submit(entry);
    }

    private void awaitCalls(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (calls.size() < n) {
            assertThat(System.nanoTime()).as("waiting for %d recorder calls", n).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private void awaitQueued(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (groups.queued() < n) {
            assertThat(System.nanoTime()).as("waiting for %d queued requests", n).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static ParsedEntry entry(UUID id) {
        return new ParsedEntry(id, "subject-" + id, new ConcernDetails(id, "worried"), List.of(), new byte[32], "");
    }

    private static Receipt receipt(UUID id) {
        return new Receipt(id, "concern", 0, "leaf", Instant.EPOCH, null, 0, List.of(), null, null);
    }
}
