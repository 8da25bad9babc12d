package uk.gov.accessledger.chain;

/** A command that appends one entry to a subject's chain. */
public sealed interface RecordEntryCommand
        permits RecordAccessCommand, RecordSharingDecisionCommand, RecordCorrectionCommand, RaiseConcernCommand {

    /** The subject pseudonym; the aggregate identifier. */
    String subject();

    EntryProposal proposal();

    EntryDetails details();
}
