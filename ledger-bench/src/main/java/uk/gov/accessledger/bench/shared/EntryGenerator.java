package uk.gov.accessledger.bench.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import uk.gov.accessledger.chain.AccessDetails;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.chain.EntryProposal;
import uk.gov.accessledger.reference.PolicyException;

/**
 * Deterministic, realistic access entries: codes from the shipped reference data, staff roles,
 * justifications and case references of the lengths services send, a mix of optional fields,
 * and subject pseudonyms of 64 hex digits (as HMAC-SHA-256 gives). The same seed always yields
 * the same entries, so every run and every fork measures the same bytes.
 *
 * <p>Not thread-safe: one generator per thread.
 */
public final class EntryGenerator {

    /** The inputs of {@link CanonicalEntry#encode}: one entry before it is encoded. */
    public record Input(String subject, long seq, byte[] prev, EntryProposal proposal, AccessDetails details) {

        /** The canonical bytes, exactly as the ledger encodes them. */
        public byte[] encode() {
            return CanonicalEntry.encode(subject, seq, prev, proposal, details);
        }
    }

    /** Who accesses what and why, as one kind of service records it. */
    private record Profile(String organisation, String service, String staffRole, String action,
            List<String> dataCategories, String purpose, String legalBasis, String justification,
            String casePrefix) {
    }

    private static final List<Profile> PROFILES = List.of(
            new Profile("nhs-gp-riverside", "gp-riverside-patient-record", "GP", "dpv:Consult",
                    List.of("pd:HealthRecord", "pd:Prescription"), "al:DirectCare", "ukgdpr:9.2.h",
                    "Routine appointment: medication review", null),
            new Profile("nhs-trust-riverside", "trust-riverside-emergency-department",
                    "Emergency department doctor", "dpv:Consult",
                    List.of("pd:HealthRecord", "pd:Prescription", "pd:MentalHealth"), "al:DirectCare",
                    "ukgdpr:9.2.h", "Attendance at emergency department", "ED-"),
            new Profile("dwp", "dwp-universal-credit", "Work coach", "dpv:Use",
                    List.of("pd:Income", "pd:CurrentEmployment", "pd:BankAccount"), "al:BenefitEligibility",
                    "ukgdpr:6.1.e", "Monthly assessment period: earnings check", "UC-"),
            new Profile("dwp", "dwp-counter-fraud", "Fraud investigator", "dpv:Consult",
                    List.of("pd:Income", "pd:FinancialStatus", "pd:PhysicalAddress"),
                    "dpv:FraudPreventionAndDetection", "ukgdpr:6.1.e",
                    "Referral from data matching: undeclared earnings", "FRD-"),
            new Profile("hmrc", "hmrc-paye-real-time-information", "Compliance officer", "dpv:Consult",
                    List.of("pd:Tax", "pd:Income"), "al:TaxCollection", "ukgdpr:6.1.c", null, "PAYE-"),
            new Profile("council-riverside", "council-riverside-housing", "Housing officer", "dpv:Alter",
                    List.of("al:HousingTenancy", "pd:PhysicalAddress", "pd:FamilyStructure"),
                    "al:HousingAssistance", "ukgdpr:6.1.e", "Tenancy review after change of circumstances",
                    "HSG-"),
            new Profile("council-riverside", "council-riverside-childrens-services", "Social worker",
                    "dpv:Consult", List.of("al:SafeguardingConcern", "pd:FamilyStructure", "pd:HealthRecord"),
                    "al:Safeguarding", "dpa2018:sch1.p18", "Strategy meeting following a referral", "CS-"),
            new Profile("police-riverside", "police-riverside-records", "Police constable", "dpv:Consult",
                    List.of("pd:Criminal", "pd:PhysicalAddress"), "al:CrimePreventionAndDetection",
                    "dpa2018:s35", null, "CRIM-"));

    private static final Instant EPOCH = Instant.parse("2026-11-25T09:00:00.000Z");
    private static final String REFERENCE_DATA_VERSION = "2026-11-25.1";

    private final Random random;
    private final HexFormat hex = HexFormat.of();

    /** A generator whose output depends only on {@code seed}. */
    public EntryGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A subject pseudonym: 64 lowercase hex digits, as HMAC-SHA-256 of an identifier gives. */
    public String nextSubject() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return hex.formatHex(bytes);
    }

    /**
     * The next entry of {@code subject} at {@code seq} after {@code prev}.
     *
     * @param seq requires {@code seq >= 0}
     * @param prev requires null exactly when {@code seq == 0}, else 32 bytes
     */
    public Input next(String subject, long seq, byte[] prev) {
        if (seq < 0 || (seq == 0) != (prev == null)) {
            throw new IllegalArgumentException("requires prev exactly when seq > 0: got seq " + seq);
        }
        Profile p = PROFILES.get(random.nextInt(PROFILES.size()));
        Instant recordedAt = EPOCH.plusMillis(random.nextInt(86_400_000));
        return next(p, subject, seq, prev, recordedAt);
    }

    /**
     * Like {@link #next(String, long, byte[])}, but recorded at {@code recordedAt} (which requires
     * millisecond precision), for callers that keep recording times increasing in log order.
     */
    public Input next(String subject, long seq, byte[] prev, Instant recordedAt) {
        if (seq < 0 || (seq == 0) != (prev == null)) {
            throw new IllegalArgumentException("requires prev exactly when seq > 0: got seq " + seq);
        }
        return next(PROFILES.get(random.nextInt(PROFILES.size())), subject, seq, prev, recordedAt);
    }

    private Input next(Profile p, String subject, long seq, byte[] prev, Instant recordedAt) {
        Instant occurredAt = recordedAt.minusMillis(random.nextInt(600_000));
        boolean emergency = random.nextInt(50) == 0;
        boolean withheld = p.casePrefix() != null && p.casePrefix().equals("FRD-") && random.nextInt(4) == 0;
        List<String> exceptions = random.nextInt(100) == 0
                ? List.of(PolicyException.PURPOSE_NOT_REGISTERED_FOR_SERVICE.code()) : List.of();
        AccessDetails details = new AccessDetails(
                p.organisation(), p.service(), p.staffRole(),
                "staff-" + hex.toHexDigits(random.nextInt()),
                p.action(), p.dataCategories(), p.purpose(), p.legalBasis(),
                emergency ? "Break-glass: patient unconscious, no consent possible" : p.justification(),
                p.casePrefix() == null ? null : p.casePrefix() + (100_000 + random.nextInt(900_000)),
                occurredAt, emergency, false,
                withheld ? LocalDate.of(2027, 5, 1 + random.nextInt(28)) : null,
                withheld ? "Ongoing fraud investigation (DPA 2018 Sch. 2 para. 2)" : null);
        EntryProposal proposal = new EntryProposal(
                new UUID(random.nextLong(), random.nextLong()), recordedAt, exceptions, REFERENCE_DATA_VERSION);
        return new Input(subject, seq, prev == null ? null : prev.clone(), proposal, details);
    }

    /** Receives generated entries in order. */
    @FunctionalInterface
    public interface Sink {

        /** Called once per entry with its inputs and its canonical bytes. */
        void accept(Input input, byte[] canonical);
    }

    /**
     * Generates {@code count} entries spread over {@code subjects} subjects at random, each
     * subject's entries forming a valid chain ({@code seq} 0, 1, … and {@code prev} the leaf hash
     * of the entry before), handing each to {@code sink} in log order. Memory use grows with
     * {@code subjects}, not {@code count}.
     *
     * @param count requires {@code count >= 0}
     * @param subjects requires {@code subjects >= 1}
     */
    public void chained(long count, int subjects, Sink sink) {
        if (count < 0 || subjects < 1) {
            throw new IllegalArgumentException(
                    "requires count >= 0 and subjects >= 1: got " + count + ", " + subjects);
        }
        String[] names = new String[subjects];
        long[] seqs = new long[subjects];
        byte[][] heads = new byte[subjects][];
        for (int s = 0; s < subjects; s++) {
            names[s] = nextSubject();
        }
        for (long i = 0; i < count; i++) {
            int s = random.nextInt(subjects);
            Input input = next(names[s], seqs[s], heads[s]);
            byte[] canonical = input.encode();
            heads[s] = CanonicalEntry.leafHash(canonical);
            seqs[s]++;
            sink.accept(input, canonical);
        }
    }

    /** The canonical bytes of {@code count} chained entries over {@code subjects} subjects, in log order. */
    public byte[][] chainedLog(int count, int subjects) {
        byte[][] log = new byte[count][];
        int[] next = {0};
        chained(count, subjects, (input, canonical) -> log[next[0]++] = canonical);
        return log;
    }
}
