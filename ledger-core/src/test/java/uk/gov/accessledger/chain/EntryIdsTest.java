package uk.gov.accessledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"3f2504e0-4f89-41d3-9a0c-0305e82c3301", "3F2504E0-4F89-41D3-9A0C-0305E82C3301",
            "00000000-0000-0000-0000-000000000000"})
    void readsThe8_4_4_4_12Form(String text) {
        assertThat(EntryIds.parse(text)).contains(UUID.fromString(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0-0-0-0-1", "", "3f2504e04f8941d39a0c0305e82c3301", "3f2504e0-4f89-41d3-9a0c-0305e82c330",
            "3f2504e0-4f89-41d3-9a0c-0305e82c33011", "{3f2504e0-4f89-41d3-9a0c-0305e82c3301}",
            "3f2504e0-4f89-41d3-9a0c+0305e82c3301", "3f2504e0-4f89-41d3-9a0c-0305e82c33g1",
            "3f2504e0-4f89-41d3-9a0c-0305e82c330\u0661", "3f2504e0-4f89-41d3-9a0c-0305e82c330\uff21",
            " 3f2504e0-4f89-41d3-9a0c-0305e82c330", "3f2504e0_4f89_41d3_9a0c_0305e82c3301"})
    void refusesEveryOtherForm(String text) {
        assertThat(EntryIds.parse(text)).isEmpty();
    }

    @Test
    void concernIdsAreTheLedgersVersionAndDependOnSubjectAndKey() {
        UUID key = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        UUID id = EntryIds.concernId("a".repeat(64), key);
        assertThat(EntryIds.isLedgerAssigned(id)).isTrue();
        assertThat(id.variant()).isEqualTo(2);
        assertThat(EntryIds.concernId("a".repeat(64), key)).isEqualTo(id);
        assertThat(EntryIds.concernId("b".repeat(64), key)).isNotEqualTo(id);
        assertThat(EntryIds.concernId("a".repeat(64), UUID.randomUUID())).isNotEqualTo(id);
        assertThat(EntryIds.isLedgerAssigned(EntryIds.randomConcernId())).isTrue();
    }

    @Test
    void servicesIdsAreNeverTheLedgers() {
        assertThat(EntryIds.isLedgerAssigned(UUID.randomUUID())).isFalse();
        assertThat(EntryIds.isLedgerAssigned(UUID.fromString("3f2504e0-4f89-81d3-9a0c-0305e82c3301"))).isTrue();
        assertThat(EntryIds.isLedgerAssigned(UUID.fromString("3f2504e0-4f89-81d3-ca0c-0305e82c3301")))
                .as("version 8 bits but another variant").isFalse();
        UUID seeded = EntryIds.version4(-1L, -1L);
        assertThat(seeded.version()).isEqualTo(4);
        assertThat(seeded.variant()).isEqualTo(2);
    }
}
