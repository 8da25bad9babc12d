package uk.gov.accessledger.chain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Appends an entry in which a service corrects one of its own earlier entries. */
public record RecordCorrectionCommand(@TargetAggregateIdentifier String subject, EntryProposal proposal, CorrectionDetails details)
        implements RecordEntryCommand {
}
