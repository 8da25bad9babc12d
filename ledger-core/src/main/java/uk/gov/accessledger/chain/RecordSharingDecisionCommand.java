package uk.gov.accessledger.chain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Appends an entry in which a service records a decision on sharing the subject's data. */
public record RecordSharingDecisionCommand(@TargetAggregateIdentifier String subject, EntryProposal proposal, SharingDecisionDetails details)
        implements RecordEntryCommand {
}
