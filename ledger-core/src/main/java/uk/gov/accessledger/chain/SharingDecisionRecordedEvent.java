package uk.gov.accessledger.chain;

import org.axonframework.serialization.Revision;

/** A decision on sharing the subject's data was recorded. */
@Revision("1")
public record SharingDecisionRecordedEvent(ChainedEntry entry, SharingDecisionDetails details) implements SubjectChainEvent {
}
