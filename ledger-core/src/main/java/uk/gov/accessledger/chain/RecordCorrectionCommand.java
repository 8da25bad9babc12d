package uk.gov.accessledger.chain;

/** Appends an entry in which a service corrects one of its own earlier entries. */
public record RecordCorrectionCommand(String subject, EntryProposal proposal, CorrectionDetails details)
        implements RecordEntryCommand {
}
