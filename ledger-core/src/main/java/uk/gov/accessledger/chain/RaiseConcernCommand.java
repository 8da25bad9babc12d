package uk.gov.accessledger.chain;

/** Appends an entry in which the subject raises a concern about one of their entries. */
public record RaiseConcernCommand(String subject, EntryProposal proposal, ConcernDetails details)
        implements RecordEntryCommand {
}
