package uk.gov.accessledger.chain;

/** Appends an entry in which a service records an access to the subject's data. */
public record RecordAccessCommand(String subject, EntryProposal proposal, AccessDetails details)
        implements RecordEntryCommand {
}
