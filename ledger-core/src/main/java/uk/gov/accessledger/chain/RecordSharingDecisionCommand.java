package uk.gov.accessledger.chain;

/** Appends an entry in which a service records a decision on sharing the subject's data. */
public record RecordSharingDecisionCommand(String subject, EntryProposal proposal, SharingDecisionDetails details)
        implements RecordEntryCommand {
}
