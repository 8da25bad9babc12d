package uk.gov.accessledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.bundle.EntryCsvRow;
import uk.gov.accessledger.chain.AccessDetails;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.chain.ConcernDetails;
import uk.gov.accessledger.chain.CorrectionDetails;
import uk.gov.accessledger.chain.EntryDetails;
import uk.gov.accessledger.chain.EntryProposal;
import uk.gov.accessledger.chain.SharingDecisionDetails;
import uk.gov.accessledger.reference.ReferenceData;

/** A CSV row read from an entry's canonical bytes, for each kind of entry, and from odd JSON. */
class AuditCsvTest {

    private static final AuditCsv CSV = new AuditCsv(ReferenceData.loadDefault());
    private static final String SUBJECT = "0f".repeat(32);
    private static final UUID ID = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    private static final Instant RECORDED = Instant.parse("2026-11-25T09:31:02.250Z");
    private static final Instant HAPPENED = Instant.parse("2026-11-25T09:30:00.125Z");

    @Test
    void anAccessHasEveryCodeWithItsEnglishTextAndHappenedWhenItOccurred() {
        EntryCsvRow row = CSV.row(canonical(7, List.of("purpose-not-registered-for-service"),
                new AccessDetails("nhs-gp-riverside", "gp-riverside-patient-record", "GP, locum \"Dr A\"", "ref-1",
                        "dpv:Consult", List.of("pd:HealthRecord", "pd:Prescription"), "al:DirectCare",
                        "ukgdpr:9.2.h", "checking a result", null, HAPPENED, true, false, null, null)));

        assertThat(row).isEqualTo(new EntryCsvRow(ID.toString(), "access", RECORDED, HAPPENED,
                "nhs-gp-riverside", "Riverside Medical Practice", "gp-riverside-patient-record",
                row.serviceName(), "GP, locum \"Dr A\"", "dpv:Consult", "looked at", "al:DirectCare",
                "To give you health or social care, for example when a doctor, nurse, pharmacist or social worker"
                        + " treats or supports you.",
                "ukgdpr:9.2.h", "Health or social care", List.of("pd:HealthRecord", "pd:Prescription"), true,
                List.of("purpose-not-registered-for-service"), SUBJECT, 7));
        assertThat(row.serviceName()).isNotBlank();
    }

    @Test
    void aSharingDecisionHappenedWhenItWasDecidedAndHasNoActionOrEmergency() {
        EntryCsvRow row = CSV.row(canonical(0, List.of(), new SharingDecisionDetails("dwp", "dwp-universal-credit",
                "dwp", "hmrc", List.of("pd:Income"), "al:BenefitEligibility", "ukgdpr:6.1.e", null, "approved",
                "Benefit processing manager", HAPPENED, LocalDate.parse("2027-01-01"))));

        assertThat(row.kind()).isEqualTo("sharing-decision");
        assertThat(row.happenedAt()).isEqualTo(HAPPENED);
        assertThat(row.serviceName()).isEqualTo("Universal Credit");
        assertThat(row.action()).isNull();
        assertThat(row.actionDescription()).isNull();
        assertThat(row.staffRole()).isNull();
        assertThat(row.emergency()).isNull();
        assertThat(row.dataCategories()).containsExactly("pd:Income");
        assertThat(row.seq()).isZero();
    }

    @Test
    void correctionsAndConcernsHappenedWhenRecorded() {
        EntryCsvRow correction = CSV.row(canonical(3, List.of(), new CorrectionDetails("nhs-gp-riverside",
                "gp-riverside-patient-record", UUID.randomUUID(), "annotate", "Wrong clinic recorded")));
        EntryCsvRow concern = CSV.row(canonical(4, List.of(), new ConcernDetails(UUID.randomUUID(), "Who is this?")));

        assertThat(correction.kind()).isEqualTo("correction");
        assertThat(correction.happenedAt()).isEqualTo(RECORDED);
        assertThat(correction.organisationName()).isEqualTo("Riverside Medical Practice");
        assertThat(concern.kind()).isEqualTo("concern");
        assertThat(concern.happenedAt()).isEqualTo(RECORDED);
        assertThat(concern.organisation()).isNull();
        assertThat(concern.organisationName()).isNull();
        assertThat(concern.dataCategories()).isEmpty();
        assertThat(concern.seq()).isEqualTo(4);
    }

    @Test
    void aCodeTheReferenceDataDoesNotKnowHasAnEmptyLabel() {
        EntryCsvRow row = CSV.row(json("{\"id\":\"x\",\"kind\":\"concern\",\"organisation\":\"nobody-we-know\","
                + "\"recordedAt\":\"2026-11-25T09:31:02.250Z\",\"seq\":0,\"subject\":\"s\"}"));

        assertThat(row.organisation()).isEqualTo("nobody-we-know");
        assertThat(row.organisationName()).isNull();
    }

    @Test
    void nestedAndUnexpectedValuesDoNotLeakIntoTheRow() {
        EntryCsvRow row = CSV.row(json("{\"about\":{\"organisation\":\"dwp\",\"seq\":9,\"kind\":\"access\"},"
                + "\"extra\":[{\"staffRole\":\"x\"},[1,2]],\"id\":\"x\",\"kind\":\"concern\",\"organisation\":7,"
                + "\"policyExceptions\":\"not a list\",\"recordedAt\":\"2026-11-25T09:31:02.250Z\",\"seq\":2,"
                + "\"staffRole\":{\"a\":\"b\"},\"subject\":\"s\"}"));

        assertThat(row.kind()).isEqualTo("concern");
        assertThat(row.organisation()).isNull();
        assertThat(row.staffRole()).isNull();
        assertThat(row.policyExceptions()).isEmpty();
        assertThat(row.seq()).isEqualTo(2);
    }

    @Test
    void anEntryWithoutItsRequiredFieldsIsRefusedByName() {
        assertThatThrownBy(() -> CSV.row(json("{\"id\":\"x\",\"kind\":\"access\",\"recordedAt\":"
                + "\"2026-11-25T09:31:02.250Z\",\"seq\":0,\"subject\":\"s\"}")))
                .hasMessageContaining("happenedAt");
        assertThatThrownBy(() -> CSV.row(json("[1]"))).hasMessageContaining("JSON object");
    }

    private static byte[] canonical(long seq, List<String> policyExceptions, EntryDetails details) {
        return CanonicalEntry.encode(SUBJECT, seq, seq == 0 ? null : new byte[32],
                new EntryProposal(ID, RECORDED, policyExceptions, "2026-11-25.1"), details);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
