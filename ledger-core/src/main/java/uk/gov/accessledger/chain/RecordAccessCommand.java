package uk.gov.accessledger.chain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Appends an entry in which a service records an access to the subject's data. */
public record RecordAccessCommand(@TargetAggregateIdentifier String subject, EntryProposal proposal, AccessDetails details)
        implements RecordEntryCommand {
}
