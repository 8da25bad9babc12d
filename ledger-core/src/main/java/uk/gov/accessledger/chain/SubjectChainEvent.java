package uk.gov.accessledger.chain;

/** The events of a {@link SubjectChain}: one per entry kind, each carrying the chained entry. */
public sealed interface SubjectChainEvent
        permits AccessRecordedEvent, SharingDecisionRecordedEvent, CorrectionRecordedEvent, ConcernRaisedEvent {

    ChainedEntry entry();

    EntryDetails details();
}
