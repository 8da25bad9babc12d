package uk.gov.accessledger.chain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain rules, given / when / then on the aggregate alone. */
class SubjectChainTest {

    private static final String SUBJECT = "0f".repeat(32);

    private FixtureConfiguration<SubjectChain> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SubjectChain.class);
        fixture.registerCommandTargetResolver(new SubjectTargetResolver());
    }

    @Test
    void startsANewChainAtSeqZeroWithoutPrev() {
        RecordAccessCommand command = access(UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(
                                matches(e -> e.entry().seq() == 0 && e.entry().prev() == null
                                        && Arrays.equals(e.entry().leafHash(),
                                        CanonicalEntry.leafHash(e.entry().canonical())))),
                        Matchers.andNoMore()));
    }

    @Test
    void linksTheNextEntryToThePreviousLeafHash() {
        AccessRecordedEvent first = recorded(0, null, UUID.randomUUID(), "nhs-trust-riverside");
        RecordAccessCommand command = access(UUID.randomUUID());
        byte[] expectedCanonical = CanonicalEntry.encode(SUBJECT, 1, first.entry().leafHash(), command.proposal(),
                command.details());
        fixture.given(first)
                .when(command)
                .expectResultMessagePayloadMatching(matchesReceipt(r -> r.seq() == 1))
                .expectEvents(new AccessRecordedEvent(new ChainedEntry(command.proposal().entryId(), SUBJECT, 1,
                        first.entry().leafHash(), CanonicalEntry.leafHash(expectedCanonical), expectedCanonical,
                        command.proposal().recordedAt(), List.of()), command.details()));
    }

    @Test
    void refusesASecondEntryWithTheSameId() {
        UUID id = UUID.randomUUID();
        fixture.given(recorded(0, null, id, "nhs-trust-riverside"))
                .when(access(id))
                .expectException(DuplicateEntryException.class)
                .expectNoEvents();
    }

    @Test
    void letsTheRecordingOrganisationCorrectItsEntry() {
        UUID id = UUID.randomUUID();
        fixture.given(recorded(0, null, id, "nhs-trust-riverside"))
                .when(correction(id, "nhs-trust-riverside"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(CorrectionRecordedEvent.class)),
                        Matchers.andNoMore()));
    }

    @Test
    void refusesACorrectionByAnotherOrganisation() {
        UUID id = UUID.randomUUID();
        fixture.given(recorded(0, null, id, "nhs-trust-riverside"))
                .when(correction(id, "dwp"))
                .expectException(EntryReferenceException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAConcernAboutAnEntryNotInTheChain() {
        fixture.given(recorded(0, null, UUID.randomUUID(), "nhs-trust-riverside"))
                .when(new RaiseConcernCommand(SUBJECT, proposal(UUID.randomUUID()),
                        new ConcernDetails(UUID.randomUUID(), "Who is this?")))
                .expectException(EntryReferenceException.class)
                .expectNoEvents();
    }

    @Test
    void refusesToReplayAChainWithAGap() {
        AccessRecordedEvent first = recorded(0, null, UUID.randomUUID(), "nhs-trust-riverside");
        AccessRecordedEvent third = recorded(2, first.entry().leafHash(), UUID.randomUUID(), "nhs-trust-riverside");
        fixture.given(first, third)
                .when(access(UUID.randomUUID()))
                .expectException(causedBy(ChainBrokenException.class));
    }

    @Test
    void refusesToReplayAChainWithAFork() {
        AccessRecordedEvent first = recorded(0, null, UUID.randomUUID(), "nhs-trust-riverside");
        byte[] wrongPrev = first.entry().leafHash().clone();
        wrongPrev[0] ^= 1;
        fixture.given(first, recorded(1, wrongPrev, UUID.randomUUID(), "nhs-trust-riverside"))
                .when(access(UUID.randomUUID()))
                .expectException(causedBy(ChainBrokenException.class));
    }

    private static EntryProposal proposal(UUID id) {
        return new EntryProposal(id, Instant.parse("2026-11-25T10:00:00.123Z"), List.of(), "2026-11-25.1");
    }

    private static RecordAccessCommand access(UUID id) {
        return new RecordAccessCommand(SUBJECT, proposal(id), CanonicalEntryTest.emergencyAccess());
    }

    private static RecordCorrectionCommand correction(UUID corrects, String organisation) {
        return new RecordCorrectionCommand(SUBJECT, proposal(UUID.randomUUID()),
                new CorrectionDetails(organisation, "some-service", corrects, "annotate", "Wrong clinic recorded"));
    }

    private static AccessRecordedEvent recorded(long seq, byte[] prev, UUID id, String organisation) {
        AccessDetails details = CanonicalEntryTest.emergencyAccess();
        details = new AccessDetails(organisation, details.service(), details.staffRole(), null, details.action(),
                details.dataCategories(), details.purpose(), details.legalBasis(), null, null, details.occurredAt(),
                false, false, null, null);
        byte[] canonical = CanonicalEntry.encode(SUBJECT, seq, prev, proposal(id), details);
        return new AccessRecordedEvent(new ChainedEntry(id, SUBJECT, seq, prev, CanonicalEntry.leafHash(canonical),
                canonical, proposal(id).recordedAt(), List.of()), details);
    }

    /** Axon wraps what an event sourcing handler throws; the chain's own exception is the cause. */
    private static Matcher<Object> causedBy(Class<? extends Throwable> type) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                for (Throwable t = (Throwable) item; t != null; t = t.getCause()) {
                    if (type.isInstance(t)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an exception caused by " + type.getSimpleName());
            }
        };
    }

    private static Matcher<Object> matches(Predicate<AccessRecordedEvent> test) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof AccessRecordedEvent e && test.test(e);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an access event with the expected chain fields");
            }
        };
    }

    private static Matcher<EntryReceipt> matchesReceipt(Predicate<EntryReceipt> test) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EntryReceipt item) {
                return test.test(item);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a receipt with the expected seq");
            }
        };
    }
}
