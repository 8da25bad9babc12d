package uk.gov.accessledger.api.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import uk.gov.accessledger.chain.AccessDetails;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.chain.EntryProposal;

/**
 * Loads many genuine entries into PostgreSQL's read model fast, with COPY: real canonical bytes,
 * real leaf hashes and correct subject chains (deterministic, fixed seed). It bypasses the
 * aggregate and the log, so it is for read-side tests and benchmarks only.
 */
public final class BulkEntries {

    private static final String COPY = "COPY ledger_entry (entry_id, subject, seq, kind, organisation, service,"
            + " purpose, legal_basis, action, happened_at, recorded_at, policy_exception, prev_hash, leaf_hash,"
            + " request_hash, canonical) FROM STDIN";

    private BulkEntries() {
    }

    /** Loads {@code subjects * perSubject} entries; memory use does not grow with the count. */
    public static void load(DataSource dataSource, int subjects, int perSubject) throws Exception {
        Random random = new Random(20261125L);
        HexFormat hex = HexFormat.of();
        Instant recordedAt = Instant.parse("2026-11-25T10:00:00.000Z");
        byte[] requestHash = new byte[32];
        try (Connection connection = dataSource.getConnection()) {
            CopyIn copy = new CopyManager(connection.unwrap(BaseConnection.class)).copyIn(COPY);
            StringBuilder line = new StringBuilder(2048);
            for (int s = 0; s < subjects; s++) {
                String subject = hex.formatHex(longBytes(random.nextLong(), random.nextLong(), random.nextLong(),
                        random.nextLong()));
                byte[] prev = null;
                for (int seq = 0; seq < perSubject; seq++) {
                    UUID id = new UUID(random.nextLong(), random.nextLong());
                    Instant occurred = recordedAt.minusSeconds(random.nextInt(365 * 86_400));
                    AccessDetails details = new AccessDetails("nhs-gp-riverside", "gp-riverside-patient-record", "GP",
                            "staff-" + random.nextInt(1000), "dpv:Consult", List.of("pd:HealthRecord"),
                            "al:DirectCare", "ukgdpr:9.2.h", "Routine appointment", null, occurred, false, false,
                            null, null);
                    byte[] canonical = CanonicalEntry.encode(subject, seq, prev,
                            new EntryProposal(id, recordedAt, List.of(), "2026-11-25.1"), details);
                    byte[] leaf = CanonicalEntry.leafHash(canonical);
                    line.setLength(0);
                    line.append(id).append('\t').append(subject).append('\t').append(seq)
                            .append("\taccess\tnhs-gp-riverside\tgp-riverside-patient-record\tal:DirectCare\tukgdpr:9.2.h")
                            .append("\tdpv:Consult\t").append(occurred).append('\t').append(recordedAt)
                            .append("\tf\t").append(prev == null ? "\\N" : "\\\\x" + hex.formatHex(prev))
                            .append("\t\\\\x").append(hex.formatHex(leaf))
                            .append("\t\\\\x").append(hex.formatHex(requestHash))
                            .append("\t\\\\x").append(hex.formatHex(canonical)).append('\n');
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    prev = leaf;
                }
            }
            copy.endCopy();
        }
    }

    private static byte[] longBytes(long... values) {
        byte[] out = new byte[values.length * 8];
        for (int i = 0; i < values.length; i++) {
            for (int b = 0; b < 8; b++) {
                out[i * 8 + b] = (byte) (values[i] >>> (56 - 8 * b));
            }
        }
        return out;
    }
}
