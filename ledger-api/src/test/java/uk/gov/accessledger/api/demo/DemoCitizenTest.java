package uk.gov.accessledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import uk.gov.accessledger.subject.CitizenIdentifier;

/** The one list of demo citizens, demo-citizens.csv, as the demo profile reads it. */
class DemoCitizenTest {

    @Test
    void readsEveryDemoCitizenWithAValidNhsNumber() {
        assertThat(DemoCitizen.ALL).hasSizeGreaterThanOrEqualTo(2);
        assertThat(DemoCitizen.ALL).extracting(DemoCitizen::name).doesNotHaveDuplicates().allMatch(n -> !n.isBlank());
        assertThat(DemoCitizen.ALL).extracting(DemoCitizen::nhsNumber).doesNotHaveDuplicates()
                .allSatisfy(n -> CitizenIdentifier.parse("nhs-number", n));
    }

    @Test
    void refusesAListWithAWrongCheckDigit() {
        ByteArrayResource csv = new ByteArrayResource(
                "name,nhs_number\nAmara Okafor,9434765918\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DemoCitizen.read(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Amara Okafor").hasMessageContaining("9434765918");
    }

    @Test
    void readsNameAndNhsNumberInTheirColumns() {
        ByteArrayResource csv = new ByteArrayResource(
                "name,nhs_number\nAmara Okafor,9434765919\nRhys Llewellyn,4857773457\n".getBytes(StandardCharsets.UTF_8));
        assertThat(DemoCitizen.read(csv)).containsExactly(new DemoCitizen("Amara Okafor", "9434765919"),
                new DemoCitizen("Rhys Llewellyn", "4857773457"));
    }
}
