package uk.gov.accessledger.chain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Appends an entry in which the subject raises a concern about one of their entries. */
public record RaiseConcernCommand(@TargetAggregateIdentifier String subject, EntryProposal proposal, ConcernDetails details)
        implements RecordEntryCommand {
}
