package uk.gov.accessledger.api.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.gov.accessledger.api.config.ChainEventStorageEngine;
import uk.gov.accessledger.api.config.ChainLocks;
import uk.gov.accessledger.api.log.ReceiptSigner;
import uk.gov.accessledger.api.problem.DatabaseFaults;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.problem.ProblemType;
import uk.gov.accessledger.api.projection.LedgerEntries;
import uk.gov.accessledger.api.projection.LedgerEntryProjection;
import uk.gov.accessledger.api.projection.LedgerEntryRow;
import uk.gov.accessledger.chain.AccessDetails;
import uk.gov.accessledger.chain.ConcernDetails;
import uk.gov.accessledger.chain.CorrectionDetails;
import uk.gov.accessledger.chain.EntryDetails;
import uk.gov.accessledger.chain.EntryProposal;
import uk.gov.accessledger.chain.EntryReceipt;
import uk.gov.accessledger.chain.EntryReferenceException;
import uk.gov.accessledger.chain.RaiseConcernCommand;
import uk.gov.accessledger.chain.RecordAccessCommand;
import uk.gov.accessledger.chain.RecordCorrectionCommand;
import uk.gov.accessledger.chain.RecordEntryCommand;
import uk.gov.accessledger.chain.RecordSharingDecisionCommand;
import uk.gov.accessledger.chain.SharingDecisionDetails;
import uk.gov.accessledger.reference.ReferenceData;

/**
 * Records entries all-or-nothing and idempotently. A batch is one unit of work and one database
 * transaction: every command runs in a nested unit of work, Axon appends all events in one JDBC
 * batch when the root commits, and the subscribing projection writes the read model in the same
 * transaction. Blocking: call from a worker thread.
 */
@Service
public class EntryRecorder {

    private static final Logger log = LoggerFactory.getLogger(EntryRecorder.class);

    /**
     * Attempts before answering 503. A conflict means another writer (this node or another one on
     * the same database) took a chain position or an entry id between our read and our commit;
     * each retry re-reads the chains it touches.
     */
    static final int MAX_ATTEMPTS = 8;

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final LedgerEntries entries;
    private final ReferenceData reference;
    private final Clock clock;
    private final ReceiptSigner receiptSigner;
    private final ChainEventStorageEngine storage;
    private final ChainLocks chainLocks;
    private final Cache chainCache;
    private final Counter recorded;
    private final Counter replayed;
    private final Counter conflicts;
    private final Counter exhausted;

    EntryRecorder(CommandGateway commands, TransactionManager transactions, LedgerEntries entries,
                  ReferenceData reference, Clock clock, ReceiptSigner receiptSigner, ChainEventStorageEngine storage,
                  ChainLocks chainLocks, Cache subjectChainCache, MeterRegistry meters) {
        this.commands = commands;
        this.transactions = transactions;
        this.entries = entries;
        this.reference = reference;
        this.clock = clock;
        this.receiptSigner = receiptSigner;
        this.storage = storage;
        this.chainLocks = chainLocks;
        this.chainCache = subjectChainCache;
        this.recorded = meters.counter("ledger.ingest.entries", "outcome", "recorded");
        this.replayed = meters.counter("ledger.ingest.entries", "outcome", "replayed");
        this.conflicts = meters.counter("ledger.chain.conflicts");
        this.exhausted = meters.counter("ledger.chain.conflicts.exhausted");
    }

    /** The receipts in request order, and for each whether it was recorded now (not a repeat). */
    public record Outcome(List<Receipt> receipts, List<Boolean> recordedNow) {

        public boolean recordedNew() {
            return recordedNow.contains(true);
        }
    }

    /**
     * Records the entries, all or none, and signs their receipts once they are committed. A chain
     * conflict is retried up to {@link #MAX_ATTEMPTS} times, then answered 503 BUSY with nothing
     * stored; a lost database connection is answered 503 DATABASE_UNAVAILABLE.
     */
    public Outcome record(List<ParsedEntry> requested) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            EntryReceipt[] accepted = new EntryReceipt[requested.size()];
            Boolean[] now = new Boolean[requested.size()];
            Arrays.fill(now, false);
            List<Integer> pending;
            try {
                pending = replayKnown(requested, accepted);
                if (!pending.isEmpty()) {
                    Map<UUID, EntryReceipt> made = dispatch(requested, pending);
                    for (int i : pending) {
                        accepted[i] = made.get(requested.get(i).id());
                        now[i] = true;
                    }
                }
            } catch (ProblemException e) {
                throw e;
            } catch (RuntimeException e) {
                if (!ChainConflicts.isConflict(e)) {
                    throw DatabaseFaults.unavailable(e) ? DatabaseFaults.problem() : e;
                }
                // Nothing was stored. Forget these chains, so the next attempt reads them afresh
                // from the database (Axon evicts the chains it loaded; a chain the conflict came
                // from may not have been loaded), and let the other writer finish first.
                requested.stream().map(ParsedEntry::subject).distinct().forEach(chainCache::remove);
                conflicts.increment();
                log.debug("chain conflict, attempt {} of {}: {}", attempt, MAX_ATTEMPTS, e.getClass().getSimpleName());
                ChainConflicts.backOff(attempt);
                continue;
            }
            recorded.increment(pending.size());
            replayed.increment(requested.size() - pending.size());
            // One signature for the whole request, given only once everything in it is committed.
            return new Outcome(Receipt.signAll(List.of(accepted), receiptSigner), List.of(now));
        }
        exhausted.increment();
        throw new ProblemException(ProblemType.BUSY, "too many concurrent writers for these subjects; retry",
                List.of(), Duration.ofSeconds(1));
    }

    /** Fills what the chain accepted for entries already recorded; returns the indexes still to record. */
    private List<Integer> replayKnown(List<ParsedEntry> requested, EntryReceipt[] accepted) {
        Map<UUID, LedgerEntryRow> known = new HashMap<>();
        entries.find(requested.stream().map(ParsedEntry::id).toList()).forEach(r -> known.put(r.entryId(), r));
        List<FieldError> clashes = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ParsedEntry p = requested.get(i);
            LedgerEntryRow row = known.get(p.id());
            if (row == null) {
                pending.add(i);
            } else if (sameRequest(row, p)) {
                accepted[i] = new EntryReceipt(row.entryId(), row.kind(), row.seq(), row.leafHash(), row.recordedAt());
            } else {
                clashes.add(new FieldError(p.pointer() + "/id", "was already recorded with different content"));
            }
        }
        if (!clashes.isEmpty()) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_CONFLICT,
                    clashes.size() + " entry id(s) were already recorded with different content", clashes);
        }
        return pending;
    }

    private static boolean sameRequest(LedgerEntryRow row, ParsedEntry p) {
        return row.subject().equals(p.subject())
                && Objects.equals(row.organisation(), p.details().recordingOrganisation().orElse(null))
                && Arrays.equals(row.requestHash(), p.requestHash());
    }

    private Map<UUID, EntryReceipt> dispatch(List<ParsedEntry> requested, List<Integer> pending) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // Chains are locked in subject order, so two batches never wait on each other in a cycle;
        // the sort is stable, keeping each subject's entries in request order.
        List<ParsedEntry> ordered = pending.stream().map(requested::get)
                .sorted(Comparator.comparing(ParsedEntry::subject)).toList();
        Map<UUID, EntryReceipt> receipts = new HashMap<>();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("record-entries"));
        try {
            unitOfWork.attachTransaction(transactions);
            List<String> subjects = ordered.stream().map(ParsedEntry::subject).distinct().toList();
            // Other nodes wait for these chains until this transaction ends; stale cached chains are caught up.
            chainLocks.lockForAppend(subjects);
            // One query for every chain that is not in memory, instead of one (or two) per chain.
            storage.prefetch(subjects.stream().filter(subject -> !chainCache.containsKey(subject)).toList());
            for (ParsedEntry p : ordered) {
                EntryProposal proposal = new EntryProposal(p.id(), now, p.policyExceptions(), reference.version());
                MetaData metaData = MetaData.with(LedgerEntryProjection.REQUEST_HASH,
                        HexFormat.of().formatHex(p.requestHash()));
                try {
                    EntryReceipt receipt = commands.sendAndWait(
                            GenericCommandMessage.asCommandMessage(command(p, proposal)).andMetaData(metaData));
                    receipts.put(p.id(), receipt);
                } catch (EntryReferenceException e) {
                    throw new ProblemException(ProblemType.UNKNOWN_ENTRY_REFERENCE, e.getMessage(),
                            List.of(new FieldError(p.pointer() + "/" + e.field(), e.getMessage())));
                }
            }
            unitOfWork.commit();
            return receipts;
        } catch (RuntimeException e) {
            rollBack(unitOfWork, e);
            throw unwrap(e);
        } catch (Error e) {
            rollBack(unitOfWork, e);
            throw e;
        }
    }

    /**
     * Rolls back a unit of work that failed with {@code cause}, always: left active, it and its
     * transaction's connection would stay bound to this pooled thread, and every later request on
     * it would fail. A rollback that fails too (the connection is gone) is added to the cause,
     * which stays the reason given to the client.
     */
    private static void rollBack(DefaultUnitOfWork<?> unitOfWork, Throwable cause) {
        if (!unitOfWork.isActive()) {
            return;
        }
        try {
            unitOfWork.rollback(cause);
        } catch (RuntimeException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    private static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        return e;
    }

    /** The command for the entry's kind; the visitor makes the compiler check that every kind has one. */
    private static RecordEntryCommand command(ParsedEntry p, EntryProposal proposal) {
        return p.details().accept(new EntryDetails.Visitor<>() {
            @Override
            public RecordEntryCommand access(AccessDetails a) {
                return new RecordAccessCommand(p.subject(), proposal, a);
            }

            @Override
            public RecordEntryCommand sharingDecision(SharingDecisionDetails s) {
                return new RecordSharingDecisionCommand(p.subject(), proposal, s);
            }

            @Override
            public RecordEntryCommand correction(CorrectionDetails c) {
                return new RecordCorrectionCommand(p.subject(), proposal, c);
            }

            @Override
            public RecordEntryCommand concern(ConcernDetails c) {
                return new RaiseConcernCommand(p.subject(), proposal, c);
            }
        });
    }
}
