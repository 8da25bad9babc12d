package uk.gov.accessledger.chain;

import org.axonframework.serialization.Revision;

/** The subject raised a concern about an entry. */
@Revision("1")
public record ConcernRaisedEvent(ChainedEntry entry, ConcernDetails details) implements SubjectChainEvent {
}
