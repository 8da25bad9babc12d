package uk.gov.accessledger.chain;

import org.axonframework.serialization.Revision;

/** An earlier entry was corrected. */
@Revision("1")
public record CorrectionRecordedEvent(ChainedEntry entry, CorrectionDetails details) implements SubjectChainEvent {
}
