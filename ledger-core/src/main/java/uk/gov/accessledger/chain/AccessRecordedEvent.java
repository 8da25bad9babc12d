package uk.gov.accessledger.chain;

import org.axonframework.serialization.Revision;

/** An access to the subject's data was recorded. */
@Revision("1")
public record AccessRecordedEvent(ChainedEntry entry, AccessDetails details) implements SubjectChainEvent {
}
