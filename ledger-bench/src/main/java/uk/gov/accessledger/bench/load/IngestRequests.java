package uk.gov.accessledger.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import uk.gov.accessledger.bench.shared.NhsNumbers;
import uk.gov.accessledger.chain.EntryIds;
import uk.gov.accessledger.chain.EntryKind;

/**
 * Deterministic bodies for the ingest API as a GP practice's record system sends them
 * (docs/entry-format.md, docs/api.md): access entries about patients identified by valid NHS
 * numbers ({@link NhsNumbers}), for direct care, with the optional fields services usually fill. Entry ids are fresh
 * UUIDs from the seeded generator, so a run never replays an earlier run's entries.
 *
 * <p>Not thread-safe: one instance per client thread.
 */
final class IngestRequests {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] ROLES = {"GP", "Practice nurse", "Clinical pharmacist", "Receptionist"};
    private static final String[] ACTIONS = {"dpv:Consult", "dpv:Consult", "dpv:Consult", "dpv:Alter"};
    private static final String[] JUSTIFICATIONS = {
        "Routine appointment: medication review", "Repeat prescription request", "Test results review",
        "Telephone consultation"};

    private final Random random;
    private final int patients;
    private final Instant occurredBase;

    /**
     * @param seed makes the sequence of bodies repeatable; give each client its own
     * @param patients how many distinct patients the entries are about; requires at least 1
     */
    IngestRequests(long seed, int patients, Instant occurredBase) {
        if (patients < 1) {
            throw new IllegalArgumentException("requires at least one patient: got " + patients);
        }
        this.random = new Random(seed);
        this.patients = patients;
        this.occurredBase = occurredBase;
    }

    /** One entry as the body of {@code POST /api/v1/entries}. */
    byte[] single() {
        return entry().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code size} entries as the body of {@code POST /api/v1/entries/batch}. */
    byte[] batch(int size) {
        ObjectNode body = JSON.objectNode();
        ArrayNode entries = body.putArray("entries");
        for (int i = 0; i < size; i++) {
            entries.add(entry());
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode entry() {
        ObjectNode entry = JSON.objectNode();
        entry.put("id", EntryIds.version4(random.nextLong(), random.nextLong()).toString());
        entry.put("kind", EntryKind.ACCESS.code());
        ObjectNode subject = entry.putObject("subject");
        subject.put("scheme", "nhs-number");
        subject.put("id", NhsNumbers.nhsNumber(random.nextInt(patients)));
        int profile = random.nextInt(ROLES.length);
        entry.put("staffRole", ROLES[profile]);
        entry.put("staffReference", "staff-" + Integer.toHexString(random.nextInt(4096)));
        entry.put("action", ACTIONS[profile]);
        ArrayNode categories = entry.putArray("dataCategories");
        categories.add("pd:HealthRecord");
        if (random.nextBoolean()) {
            categories.add("pd:Prescription");
        }
        entry.put("purpose", "al:DirectCare");
        entry.put("legalBasis", "ukgdpr:9.2.h");
        entry.put("justification", JUSTIFICATIONS[random.nextInt(JUSTIFICATIONS.length)]);
        entry.put("occurredAt", occurredBase.minusSeconds(random.nextInt(86_400)).toString());
        return entry;
    }
}
