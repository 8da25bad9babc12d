package uk.gov.accessledger.bench.bulk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.serialization.SerializedObject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import uk.gov.accessledger.bench.shared.EntryGenerator;
import uk.gov.accessledger.bench.shared.JsonFiles;
import uk.gov.accessledger.bench.shared.LedgerSchema;
import uk.gov.accessledger.bench.shared.NhsNumbers;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.chain.AccessDetails;
import uk.gov.accessledger.chain.AccessRecordedEvent;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.chain.ChainedEntry;
import uk.gov.accessledger.chain.EntryProposal;
import uk.gov.accessledger.entryformat.EntryInstants;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.reference.PolicyException;
import uk.gov.accessledger.reference.ReferenceData;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/**
 * Fills an empty ledger database with the rows ledger-api would have written for N access
 * entries over M subjects, without going through the API: the schema from the API's own Flyway
 * migrations; each entry encoded, hashed and chained by ledger-core ({@link CanonicalEntry},
 * RFC 6962 leaf hashes, {@code prev} the subject's previous leaf hash); the Axon event of each
 * entry serialised as the API's event store serialises it ({@link EventRows}); the read model as
 * the entry projection writes it; every leaf and perfect subtree of the log as the sequencer
 * stores them ({@link CompactRange}), and one checkpoint signed with the log key.
 *
 * <p>Fast because the rows go in with binary COPY, one stream per table, while the next chunk is
 * generated on other threads, and because the tables' keys and indexes are dropped for the load
 * and rebuilt afterwards from their exact definitions as read from the catalogue.
 *
 * <p>Subject {@code i} is the citizen with the {@code i}-th NHS number of
 * {@link NhsNumbers#nhsNumber}; only its pseudonym is written. Each entry picks a subject at
 * random, so each has about N/M entries, in chain order; {@code recorded_at} increases in log order.
 */
public final class BulkLoader {

    /** The load's figures. */
    record Result(long entries, int subjects, Duration generateAndCopy, Duration indexes, Duration total,
                  long databaseBytes, String verifierKey, byte[] root) {

        double entriesPerSecond() {
            return entries / (total.toNanos() / 1e9);
        }

        BulkLoadFigures figures() {
            return new BulkLoadFigures(entries, subjects, generateAndCopy.toMillis() / 1000.0,
                    indexes.toMillis() / 1000.0, total.toMillis() / 1000.0, Math.round(entriesPerSecond()),
                    databaseBytes);
        }
    }

    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.DEFAULT;
    private static final int CHUNK = 20_000;
    /** Entries are spread over the year before this instant, in log order. */
    private static final Instant END = Instant.parse("2026-11-25T00:00:00Z");
    private static final long SPAN_MILLIS = Duration.ofDays(365).toMillis();
    private static final List<String> LOADED_TABLES = List.of("domain_event_entry", "ledger_entry", "log_leaf",
            "log_node");

    private static final String EVENT_COLUMNS = "global_index, aggregate_identifier, sequence_number, type,"
            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp";
    private static final String ENTRY_COLUMNS = "row_id, entry_id, subject, seq, kind, organisation, service,"
            + " purpose, legal_basis, action, refers_to, happened_at, recorded_at, disclose_after, policy_exception,"
            + " prev_hash, leaf_hash, request_hash, canonical";

    /** One generated entry with everything its rows need. */
    private record Generated(ChainedEntry entry, AccessDetails details, byte[] requestHash, byte[] payload,
                             String payloadType, String payloadRevision, byte[] metaData, UUID eventId) {
    }

    private final BulkLoadSettings settings;
    private final ReferenceData reference = ReferenceData.loadDefault();
    private final EventRows events = new EventRows();

    BulkLoader(BulkLoadSettings settings) {
        this.settings = settings;
    }

    /** {@code bulkload [options]}: see {@link BulkLoadSettings}. */
    public static void main(String... args) throws Exception {
        BulkLoadSettings settings = BulkLoadSettings.parse(args);
        Result result = new BulkLoader(settings).run();
        log("%,d entries over %,d subjects in %.1f s (%.1f s generating and copying, %.1f s"
                + " rebuilding keys and indexes): %,.0f entries/s; database %,d MiB",
                result.entries(), result.subjects(), result.total().toMillis() / 1000.0,
                result.generateAndCopy().toMillis() / 1000.0, result.indexes().toMillis() / 1000.0,
                result.entriesPerSecond(), result.databaseBytes() >> 20);
        if (settings.out() != null) {
            JsonFiles.write(settings.out(), result.figures());
        }
    }

    Result run() throws Exception {
        long started = System.nanoTime();
        String pseudonymKey = KeyFiles.pseudonymKey(settings.pseudonymKeyFile());
        Ed25519NoteSigner signer = KeyFiles.signer(settings.signingKeyFile(), settings.origin());
        LedgerSchema.migrate(settings.pgUrl(), settings.pgUser(), settings.pgPassword());
        try (Connection admin = connect()) {
            requireEmpty(admin);
            String[] subjects = pseudonyms(new SubjectPseudonymiser(Base64.getDecoder().decode(pseudonymKey)));
            List<String> restore = dropKeysAndIndexes(admin);
            byte[] root = copyAll(subjects);
            long copied = System.nanoTime();
            log("rows copied in %.1f s; rebuilding %d keys and indexes", (copied - started) / 1e9, restore.size());
            rebuild(restore);
            long indexed = System.nanoTime();
            finish(admin, root, signer);
            long done = System.nanoTime();
            long bytes;
            try (Statement s = admin.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                bytes = rs.getLong(1);
            }
            return new Result(settings.entries(), settings.subjects(), Duration.ofNanos(copied - started),
                    Duration.ofNanos(indexed - copied), Duration.ofNanos(done - started), bytes, signer.verifierKey(),
                    root);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.pgUrl(), settings.pgUser(), settings.pgPassword());
    }

    private static void requireEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM domain_event_entry)"
                     + " + (SELECT COUNT(*) FROM ledger_entry) + (SELECT COUNT(*) FROM log_leaf)"
                     + " + (SELECT COUNT(*) FROM log_pending) + (SELECT COUNT(*) FROM log_checkpoint WHERE tree_size > 0)")) {
            rs.next();
            if (rs.getLong(1) != 0) {
                throw new IllegalStateException("couldn't bulk-load: the database already holds a ledger;"
                        + " bulkload fills only an empty one");
            }
        }
    }

    private String[] pseudonyms(SubjectPseudonymiser pseudonymiser) {
        String[] subjects = new String[settings.subjects()];
        IntStream.range(0, subjects.length).parallel().forEach(i -> subjects[i] = pseudonymiser.pseudonymOf(
                CitizenIdentifier.parse("nhs-number", NhsNumbers.nhsNumber(i))));
        return subjects;
    }

    /**
     * Drops the primary keys, unique constraints and indexes of the loaded tables and returns the
     * statements that recreate them exactly, from pg_get_constraintdef and pg_indexes.
     */
    private static List<String> dropKeysAndIndexes(Connection c) throws SQLException {
        List<String> restore = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        for (String table : LOADED_TABLES) {
            try (PreparedStatement ps = c.prepareStatement("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conrelid = ?::regclass AND contype IN ('p', 'u') ORDER BY contype, conname")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        restore.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                        drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT i.indexname, i.indexdef FROM pg_indexes i"
                    + " WHERE i.schemaname = current_schema() AND i.tablename = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname) ORDER BY i.indexname")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        restore.add(rs.getString(2));
                        drop.add("DROP INDEX " + rs.getString(1));
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String sql : drop) {
                s.execute(sql);
            }
        }
        return restore;
    }

    /** Rebuilds keys and indexes, two at a time (one per core of the target machine). */
    private void rebuild(List<String> restore) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String sql : restore) {
                done.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    try (Connection c = connect(); Statement s = c.createStatement()) {
                        s.execute("SET maintenance_work_mem = '1GB'");
                        s.execute(sql);
                    }
                    log("%s (%.1f s)", sql, (System.nanoTime() - t) / 1e9);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void finish(Connection c, byte[] root, Ed25519NoteSigner signer) throws SQLException {
        long n = settings.entries();
        try (Statement s = c.createStatement()) {
            if (n > 0) {
                s.execute("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), " + n + ")");
                s.execute("SELECT setval(pg_get_serial_sequence('ledger_entry', 'row_id'), " + n + ")");
            }
            s.execute("UPDATE log_state SET tree_size = " + n + " WHERE id = 1");
        }
        if (n > 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO log_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, n);
                ps.setBytes(2, root);
                ps.setString(3, new Checkpoint(settings.origin(), n, root).sign(signer));
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            for (String table : LOADED_TABLES) {
                s.execute("VACUUM ANALYZE " + table);
            }
        }
    }

    /** Generates every entry and copies its rows; returns the root of the log. */
    private byte[] copyAll(String[] subjects) throws Exception {
        long n = settings.entries();
        int threads = settings.threads();
        BlockingQueue<Generated[]> queue = new ArrayBlockingQueue<>(2);
        Generated[] end = new Generated[0];
        ExecutorService generators = Executors.newFixedThreadPool(threads);
        ExecutorService writerThread = Executors.newSingleThreadExecutor();
        Future<byte[]> writer = writerThread.submit(() -> write(queue, end));
        try {
            Random pick = new Random(settings.seed());
            int[] seqs = new int[subjects.length];
            byte[][] heads = new byte[subjects.length][];
            long step = Math.max(1, SPAN_MILLIS / Math.max(1, n));
            Instant first = END.minusMillis(step * n);
            long lastLog = System.nanoTime();
            for (long start = 0; start < n; start += CHUNK) {
                int size = (int) Math.min(CHUNK, n - start);
                int[] subjectOf = new int[size];
                int[] seqOf = new int[size];
                for (int i = 0; i < size; i++) {
                    int s = pick.nextInt(subjects.length);
                    subjectOf[i] = s;
                    seqOf[i] = seqs[s]++;
                }
                Generated[] chunk = new Generated[size];
                List<Future<?>> parts = new ArrayList<>(threads);
                long chunkStart = start;
                for (int t = 0; t < threads; t++) {
                    int part = t;
                    parts.add(generators.submit(() -> {
                        // Each thread owns the subjects s with s % threads == part, so no chain
                        // head is shared between threads.
                        EntryGenerator generator = new EntryGenerator(settings.seed() * 1_000_003L + chunkStart + part);
                        for (int i = 0; i < size; i++) {
                            int s = subjectOf[i];
                            if (s % threads == part) {
                                chunk[i] = generate(generator, subjects[s], seqOf[i], heads[s],
                                        first.plusMillis(step * (chunkStart + i)), NhsNumbers.nhsNumber(s));
                                heads[s] = chunk[i].entry().leafHash();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : parts) {
                    f.get();
                }
                handOver(queue, chunk, writer);
                if (System.nanoTime() - lastLog > 10e9) {
                    lastLog = System.nanoTime();
                    log("generated %,d of %,d entries", start + size, n);
                }
            }
            handOver(queue, end, writer);
            return writer.get();
        } finally {
            generators.shutdownNow();
            writerThread.shutdownNow();
        }
    }

    /** Queues a chunk for the writer; if the writer has failed, throws its failure instead of waiting forever. */
    private static void handOver(BlockingQueue<Generated[]> queue, Generated[] chunk, Future<byte[]> writer)
            throws Exception {
        while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
            if (writer.isDone()) {
                writer.get();
                throw new IllegalStateException("couldn't bulk-load: the COPY writer stopped early");
            }
        }
    }

    private Generated generate(EntryGenerator generator, String subject, long seq, byte[] prev, Instant recordedAt,
                               String nhsNumber) {
        EntryGenerator.Input input = generator.next(subject, seq, prev, recordedAt);
        AccessDetails d = input.details();
        List<String> exceptions = reference.isPurposeRegistered(d.service(), d.purpose())
                ? List.of() : List.of(PolicyException.PURPOSE_NOT_REGISTERED_FOR_SERVICE.code());
        EntryProposal proposal = new EntryProposal(randomUuid(input.proposal().entryId()), recordedAt, exceptions,
                reference.version());
        byte[] canonical = CanonicalEntry.encode(subject, seq, prev, proposal, d);
        ChainedEntry entry = new ChainedEntry(proposal.entryId(), subject, seq, prev, CanonicalEntry.leafHash(canonical),
                canonical, recordedAt, exceptions);
        byte[] requestHash = sha256(CanonicalJson.canonicalize(request(proposal.entryId(), nhsNumber, d)));
        SerializedObject<byte[]> payload = events.payload(new AccessRecordedEvent(entry, d));
        return new Generated(entry, d, requestHash, payload.getData(), payload.getType().getName(),
                payload.getType().getRevision(), events.metaData(HexFormat.of().formatHex(requestHash)),
                UUID.randomUUID());
    }

    /** The entry as a service would have sent it (docs/entry-format.md), for its request hash. */
    private static ObjectNode request(UUID id, String nhsNumber, AccessDetails d) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("id", id.toString());
        r.put("kind", d.kind());
        ObjectNode subject = r.putObject("subject");
        subject.put("scheme", "nhs-number");
        subject.put("id", nhsNumber);
        r.put("organisation", d.organisation());
        r.put("service", d.service());
        r.put("staffRole", d.staffRole());
        if (d.staffReference() != null) {
            r.put("staffReference", d.staffReference());
        }
        r.put("action", d.action());
        ArrayNode categories = r.putArray("dataCategories");
        d.dataCategories().forEach(categories::add);
        r.put("purpose", d.purpose());
        r.put("legalBasis", d.legalBasis());
        if (d.justification() != null) {
            r.put("justification", d.justification());
        }
        if (d.caseReference() != null) {
            r.put("caseReference", d.caseReference());
        }
        r.put("occurredAt", EntryInstants.format(d.occurredAt()));
        if (d.emergency()) {
            r.put("emergency", true);
        }
        if (d.discloseAfter() != null) {
            r.put("discloseAfter", d.discloseAfter().toString());
            r.put("discloseAfterReason", d.discloseAfterReason());
        }
        return r;
    }

    /** The writer: one COPY per table, fed chunk by chunk in log order; returns the log's root. */
    private byte[] write(BlockingQueue<Generated[]> queue, Generated[] end) throws Exception {
        Connection[] connections = new Connection[LOADED_TABLES.size()];
        CopyIn[] copies = new CopyIn[connections.length];
        String[] columns = {EVENT_COLUMNS, ENTRY_COLUMNS, "leaf_index, entry_id, leaf_hash, entry_row_id",
            "level, node_index, hash"};
        try {
            for (int i = 0; i < connections.length; i++) {
                connections[i] = connect();
                connections[i].setAutoCommit(false);
                try (Statement s = connections[i].createStatement()) {
                    s.execute("SET synchronous_commit = off");
                }
                copies[i] = connections[i].unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY " + LOADED_TABLES.get(i) + " (" + columns[i] + ") FROM STDIN (FORMAT binary)");
            }
            PgBinaryRows eventRows = new PgBinaryRows();
            PgBinaryRows entryRows = new PgBinaryRows();
            PgBinaryRows leafRows = new PgBinaryRows();
            PgBinaryRows nodeRows = new PgBinaryRows();
            PgBinaryRows[] rows = {eventRows, entryRows, leafRows, nodeRows};
            CompactRange tree = CompactRange.empty(HASHER, 0);
            long index = 0;
            for (Generated[] chunk = queue.take(); chunk != end; chunk = queue.take()) {
                for (Generated g : chunk) {
                    ChainedEntry e = g.entry();
                    AccessDetails d = g.details();
                    eventRows.row(10).int8(index + 1).text(e.subject()).int8(e.seq()).text(EventRows.AGGREGATE_TYPE)
                            .text(g.eventId().toString()).bytes(g.metaData()).bytes(g.payload())
                            .text(g.payloadRevision()).text(g.payloadType())
                            .text(EventRows.timestamp(e.recordedAt()));
                    entryRows.row(19).int8(index + 1).uuid(e.entryId()).text(e.subject()).int8(e.seq())
                            .text(d.kind()).text(d.organisation()).text(d.service()).text(d.purpose())
                            .text(d.legalBasis()).text(d.action()).uuid(null).timestamp(d.occurredAt())
                            .timestamp(e.recordedAt()).date(d.discloseAfter()).bool(!e.policyExceptions().isEmpty())
                            .bytes(e.prev()).bytes(e.leafHash()).bytes(g.requestHash()).bytes(e.canonical());
                    leafRows.row(4).int8(index).uuid(e.entryId()).bytes(e.leafHash()).int8(index + 1);
                    nodeRows.row(3).int2(0).int8(index).bytes(e.leafHash());
                    tree.append(e.leafHash(), (id, hash) -> nodeRows.row(3).int2(id.level()).int8(id.index()).bytes(hash));
                    index++;
                }
                for (int i = 0; i < rows.length; i++) {
                    byte[] bytes = rows[i].drain(false);
                    copies[i].writeToCopy(bytes, 0, bytes.length);
                }
            }
            for (int i = 0; i < rows.length; i++) {
                byte[] bytes = rows[i].drain(true);
                copies[i].writeToCopy(bytes, 0, bytes.length);
                copies[i].endCopy();
                connections[i].commit();
            }
            return tree.root();
        } finally {
            for (int i = 0; i < connections.length; i++) {
                if (copies[i] != null && copies[i].isActive()) {
                    copies[i].cancelCopy();
                }
                if (connections[i] != null) {
                    connections[i].close();
                }
            }
        }
    }

    /** The generator's 128 random bits made an RFC 9562 version-4 UUID, as services send. */
    private static UUID randomUuid(UUID bits) {
        long msb = (bits.getMostSignificantBits() & ~0xF000L) | 0x4000L;
        long lsb = (bits.getLeastSignificantBits() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("bulkload: " + format + "%n", args);
    }
}
