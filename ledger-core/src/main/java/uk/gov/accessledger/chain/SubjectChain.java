package uk.gov.accessledger.chain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The hash chain of one subject. It is created by the subject's first entry and is the only
 * place a chain link is made: {@code seq} and {@code prev} come from this aggregate's state,
 * never from the command, and the event store's unique (aggregate, sequence) key rejects a
 * second writer racing for the same position. Registered with Axon by the application (this
 * module knows no Spring).
 */
public class SubjectChain {

    @AggregateIdentifier
    private String subject;

    /** The seq the next entry will get; equals the number of entries in the chain. */
    private long nextSeq;

    /** Leaf hash of the entry at {@code nextSeq - 1}; null while the chain is empty. */
    private byte[] head;

    /** Entry id to the organisation that recorded it ("" for the subject's own concerns). */
    private final Map<UUID, String> recordedBy = new HashMap<>();

    protected SubjectChain() {
        // Required by Axon to rebuild the chain from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EntryReceipt handle(RecordAccessCommand command) {
        return record(command, AccessRecordedEvent::new, command.details());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EntryReceipt handle(RecordSharingDecisionCommand command) {
        return record(command, SharingDecisionRecordedEvent::new, command.details());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EntryReceipt handle(RecordCorrectionCommand command) {
        UUID corrected = command.details().corrects();
        if (!command.details().organisation().equals(recordedBy.get(corrected))) {
            throw new EntryReferenceException("corrects", corrected);
        }
        return record(command, CorrectionRecordedEvent::new, command.details());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EntryReceipt handle(RaiseConcernCommand command) {
        if (!recordedBy.containsKey(command.details().about())) {
            throw new EntryReferenceException("about", command.details().about());
        }
        return record(command, ConcernRaisedEvent::new, command.details());
    }

    private <D extends EntryDetails> EntryReceipt record(
            RecordEntryCommand command, BiFunction<ChainedEntry, D, SubjectChainEvent> event, D details) {
        EntryProposal proposal = command.proposal();
        if (recordedBy.containsKey(proposal.entryId())) {
            throw new DuplicateEntryException(proposal.entryId());
        }
        byte[] canonical = CanonicalEntry.encode(command.subject(), nextSeq, head, proposal, details);
        Instant recordedAt = proposal.recordedAt();
        ChainedEntry entry = new ChainedEntry(proposal.entryId(), command.subject(), nextSeq, head,
                CanonicalEntry.leafHash(canonical), canonical, recordedAt, proposal.policyExceptions());
        SubjectChainEvent recorded = event.apply(entry, details);
        apply(recorded);
        return EntryReceipt.of(recorded);
    }

    @EventSourcingHandler
    void on(SubjectChainEvent event) {
        ChainedEntry entry = event.entry();
        if (entry.seq() != nextSeq || !Arrays.equals(entry.prev(), head)) {
            throw new ChainBrokenException(entry.subject(), nextSeq, entry.seq(), head, entry.prev());
        }
        subject = entry.subject();
        nextSeq = entry.seq() + 1;
        head = entry.leafHash();
        recordedBy.put(entry.entryId(), event.details().recordingOrganisation().orElse(""));
    }
}
