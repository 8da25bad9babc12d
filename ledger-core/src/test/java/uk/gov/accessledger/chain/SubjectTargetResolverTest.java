package uk.gov.accessledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

class SubjectTargetResolverTest {

    private final SubjectTargetResolver resolver = new SubjectTargetResolver();

    @Test
    void targetsTheChainOfTheCommandsSubjectWithoutAVersion() {
        String subject = "ab".repeat(32);
        EntryProposal proposal = new EntryProposal(UUID.randomUUID(), Instant.parse("2026-12-02T10:00:00Z"),
                List.of(), "2026-11-25.1");
        RaiseConcernCommand command = new RaiseConcernCommand(subject, proposal,
                new ConcernDetails(UUID.randomUUID(), "I do not recognise this access"));

        VersionedAggregateIdentifier target =
                resolver.resolveTarget(GenericCommandMessage.asCommandMessage(command));

        assertThat(target.getIdentifier()).isEqualTo(subject);
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void refusesACommandThatIsNotAnEntry() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage("not an entry")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("want a RecordEntryCommand");
    }
}
