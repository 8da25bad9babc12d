package uk.gov.accessledger.api.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.gov.accessledger.api.ingest.EntryRecorder;
import uk.gov.accessledger.api.ingest.EntryRequestParser;
import uk.gov.accessledger.api.ingest.ParsedEntry;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.security.ServicePrincipal;
import uk.gov.accessledger.chain.EntryIds;
import uk.gov.accessledger.chain.EntryKind;
import uk.gov.accessledger.reference.ReferenceData;

/**
 * Fills an empty demo ledger with synthetic traffic: realistic accesses and sharing decisions by
 * the starter organisations, about the demo citizens and a crowd of background citizens, sent
 * through the same parser and recorder as real requests. Deterministic (fixed seed).
 */
@Component
@Profile("demo")
class DemoTraffic implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final int BATCH = 500;

    /** service, staff role, action, purpose, legal basis, justification, data categories. */
    private record Access(String service, String role, String action, String purpose, String legalBasis,
                          String justification, String... categories) {
    }

    private static final List<Access> ACCESSES = List.of(
            new Access("gp-riverside-patient-record", "GP", "dpv:Consult", "al:DirectCare", "ukgdpr:9.2.h",
                    "Routine appointment", "pd:HealthRecord", "pd:Prescription"),
            new Access("gp-riverside-patient-record", "Practice nurse", "dpv:Alter", "al:DirectCare",
                    "ukgdpr:9.2.h", "Vaccination recorded", "pd:HealthRecord"),
            new Access("gp-northbank-patient-record", "Pharmacist", "dpv:Consult", "al:DirectCare", "ukgdpr:9.2.h",
                    "Repeat prescription review", "pd:Prescription"),
            new Access("trust-riverside-patient-record", "Consultant", "dpv:Consult", "al:DirectCare",
                    "ukgdpr:9.2.h", "Outpatient clinic", "pd:HealthRecord", "pd:Prescription"),
            new Access("nhse-personal-demographics", "Demographics service", "dpv:Consult",
                    "dpv:IdentityVerification", "ukgdpr:6.1.e", null, "pd:Name", "pd:BirthDate",
                    "pd:PhysicalAddress"),
            new Access("dwp-universal-credit", "Work coach", "dpv:Consult", "al:BenefitEligibility",
                    "ukgdpr:6.1.e", "Monthly assessment", "pd:Income", "al:BenefitAward"),
            new Access("dwp-universal-credit", "Case manager", "dpv:Alter", "al:BenefitEligibility",
                    "ukgdpr:6.1.e", "Change of circumstances reported", "pd:FamilyStructure", "al:BenefitAward"),
            new Access("hmrc-paye-real-time-information", "Compliance officer", "dpv:Use", "al:TaxCollection",
                    "ukgdpr:6.1.c", null, "pd:Income", "pd:Tax", "pd:CurrentEmployment"),
            new Access("hmrc-self-assessment", "Customer service adviser", "dpv:Consult", "al:TaxCollection",
                    "ukgdpr:6.1.e", "Phone call from you", "pd:Tax", "pd:Contact"),
            new Access("council-riverside-council-tax", "Revenues officer", "dpv:Consult", "al:TaxCollection",
                    "ukgdpr:6.1.e", "Single person discount review", "pd:PhysicalAddress", "pd:FinancialStatus"),
            new Access("council-riverside-housing", "Housing officer", "dpv:Consult", "al:HousingAssistance",
                    "ukgdpr:6.1.e", "Housing application", "al:HousingTenancy", "pd:FamilyStructure"),
            new Access("council-riverside-benefits", "Benefits assessor", "dpv:Use", "al:BenefitEligibility",
                    "ukgdpr:6.1.e", "Council tax reduction claim", "pd:Income", "al:BenefitAward"),
            new Access("police-riverside-records", "Police constable", "dpv:Consult",
                    "al:CrimePreventionAndDetection", "dpa2018:s35", "Witness statement follow-up",
                    "pd:Name", "pd:PhysicalAddress"),
            // Not registered for this purpose: recorded and flagged as a policy exception.
            new Access("council-riverside-housing", "Housing officer", "dpv:Consult",
                    "dpv:FraudPreventionAndDetection", "ukgdpr:6.1.e", "Tenancy fraud check", "pd:Income"));

    private final EntryRequestParser parser;
    private final EntryRecorder recorder;
    private final ReferenceData reference;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int entries;

    DemoTraffic(EntryRequestParser parser, EntryRecorder recorder, ReferenceData reference, JdbcTemplate jdbc,
                Clock clock, @Value("${ledger.demo.traffic-entries:2000}") int entries) {
        this.parser = parser;
        this.recorder = recorder;
        this.reference = reference;
        this.jdbc = jdbc;
        this.clock = clock;
        this.entries = entries;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class);
        if (existing != null && existing > 0) {
            log.info("demo ledger already holds {} entries; no traffic generated", existing);
            return;
        }
        long started = System.nanoTime();
        List<Request> requests = generate(new Random(20261125L));
        List<ParsedEntry> batch = new ArrayList<>();
        for (Request r : requests) {
            List<FieldError> errors = new ArrayList<>();
            parser.parse(r.body, "", r.service, errors).ifPresentOrElse(batch::add, () -> {
                throw new IllegalStateException("demo traffic is invalid: " + errors);
            });
            if (batch.size() == BATCH) {
                recorder.record(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            recorder.record(batch);
        }
        log.info("demo traffic: recorded {} entries in {} ms", requests.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private record Request(Instant at, ServicePrincipal service, ObjectNode body) {
    }

    private List<Request> generate(Random random) {
        Instant now = clock.instant();
        List<String> citizens = new ArrayList<>(DemoCitizen.ALL.stream().map(DemoCitizen::nhsNumber).toList());
        for (int i = 0; citizens.size() < Math.max(DemoCitizen.ALL.size(), entries / 10); i++) {
            try {
                citizens.add(DemoCitizen.withCheckDigit(String.format("9%08d", 1_000 + i * 7)));
            } catch (IllegalArgumentException e) {
                // no valid check digit for this base: skip it
            }
        }
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < entries - 4; i++) {
            // Half the traffic is about the named demo citizens, so their histories are rich.
            String citizen = random.nextBoolean()
                    ? DemoCitizen.ALL.get(random.nextInt(DemoCitizen.ALL.size())).nhsNumber()
                    : citizens.get(random.nextInt(citizens.size()));
            Instant at = now.minus(Duration.ofMinutes(10 + random.nextInt(400 * 24 * 60)));
            requests.add(access(random, citizen, at, ACCESSES.get(random.nextInt(ACCESSES.size()))));
        }
        String first = DemoCitizen.ALL.get(0).nhsNumber();
        Instant lastWeek = now.minus(Duration.ofDays(7));
        ObjectNode emergency = access(random, first, lastWeek, ACCESSES.get(3)).body
                .put("emergency", true).put("justification", "Unconscious patient in the emergency department");
        emergency.put("staffRole", "Emergency department doctor");
        requests.add(new Request(lastWeek, principal("trust-riverside-emergency-department"),
                emergency.put("purpose", "al:DirectCare")));
        ObjectNode withheld = access(random, first, lastWeek, new Access("dwp-counter-fraud", "Fraud investigator",
                "dpv:Consult", "dpv:FraudPreventionAndDetection", "ukgdpr:6.1.e", "Investigation 2026/117",
                "pd:BankAccount", "pd:Income")).body;
        withheld.put("discloseAfter", LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(180).toString())
                .put("discloseAfterReason", "Telling you now could prejudice a fraud investigation");
        requests.add(new Request(lastWeek, principal("dwp-counter-fraud"), withheld));
        requests.add(sharing(random, first, now.minus(Duration.ofDays(3)), "hmrc-information-disclosure", "dwp",
                "hmrc", "hmrc-dwp-universal-credit-earnings", "approved", "al:BenefitEligibility", "wra2012:s127",
                "pd:Income", "pd:CurrentEmployment"));
        requests.add(sharing(random, first, now.minus(Duration.ofDays(2)), "gp-riverside-patient-record",
                "police-riverside", "nhs-gp-riverside", null, "refused", "al:CrimePreventionAndDetection",
                "dpa2018:s35", "pd:HealthRecord"));
        requests.sort(Comparator.comparing(Request::at));
        return requests;
    }

    private Request access(Random random, String citizen, Instant at, Access a) {
        ObjectNode body = envelope(random, EntryKind.ACCESS, citizen);
        body.put("staffRole", a.role()).put("staffReference", "staff-" + Integer.toHexString(random.nextInt(1 << 16)))
                .put("action", a.action()).put("purpose", a.purpose()).put("legalBasis", a.legalBasis())
                .put("occurredAt", at.toString());
        if (a.justification() != null) {
            body.put("justification", a.justification());
        }
        var categories = body.putArray("dataCategories");
        for (String c : a.categories()) {
            categories.add(c);
        }
        return new Request(at, principal(a.service()), body);
    }

    private Request sharing(Random random, String citizen, Instant at, String service, String requesting,
                            String holding, String agreement, String decision, String purpose, String legalBasis,
                            String... categories) {
        ObjectNode body = envelope(random, EntryKind.SHARING_DECISION, citizen);
        body.put("requestingOrganisation", requesting).put("holdingOrganisation", holding)
                .put("purpose", purpose).put("legalBasis", legalBasis).put("decision", decision)
                .put("decidedByRole", "Information governance lead").put("decidedAt", at.toString());
        if (agreement != null) {
            body.put("agreement", agreement);
        }
        var array = body.putArray("dataCategories");
        for (String c : categories) {
            array.add(c);
        }
        return new Request(at, principal(service), body);
    }

    private static ObjectNode envelope(Random random, EntryKind kind, String citizen) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("id", EntryIds.version4(random.nextLong(), random.nextLong()).toString()).put("kind", kind.code());
        body.putObject("subject").put("scheme", "nhs-number").put("id", citizen);
        return body;
    }

    private ServicePrincipal principal(String service) {
        return new ServicePrincipal(service, reference.service(service).orElseThrow().organisationCode());
    }
}
