package uk.gov.accessledger.chain;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the chain a command appends to by calling {@link RecordEntryCommand#subject()}. Axon's
 * default resolver looks for {@code @TargetAggregateIdentifier} and {@code @TargetAggregateVersion}
 * by reflection on every command, a cost paid per entry of every batch. No version is given: the
 * chain's position is guarded by the event store's unique key, not by the caller.
 */
public final class SubjectTargetResolver implements CommandTargetResolver {

    /** Requires a {@link RecordEntryCommand} payload; the subject chain handles no other. */
    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (!(command.getPayload() instanceof RecordEntryCommand entry)) {
            throw new IllegalArgumentException("couldn't find the chain of a " + command.getPayloadType().getName()
                    + ": want a RecordEntryCommand");
        }
        return new VersionedAggregateIdentifier(entry.subject(), null);
    }
}
