package uk.gov.accessledger.bench.bulk;

import java.nio.file.Path;
import uk.gov.accessledger.bench.shared.PerformanceTarget;

/**
 * Options of {@code bulkload}:
 *
 * <pre>
 * --pg-url URL               the EMPTY ledger database (jdbc:postgresql://...); required
 * --pg-user U / --pg-password P     default postgres / empty
 * --entries N                access entries to write (default 10,000,000)
 * --subjects M               subjects they are about (default 1,000,000); subject i is the i-th
 *                            valid NHS number of a fixed sequence, pseudonymised with the key
 * --pseudonym-key-file F     base64 HMAC key, as LEDGER_PSEUDONYM_KEY; generated (32 random
 *                            bytes) when F does not exist
 * --signing-key-file F       the log's Ed25519 signer key, as LEDGER_LOG_SIGNING_KEY_FILE;
 *                            generated when F does not exist
 * --origin O                 the log origin (default access-ledger.localhost/log, the API's)
 * --threads T                entry-generating threads (default: available processors)
 * --seed S                   makes the entries repeatable (default 1)
 * --out FILE                 also write the load figures as JSON here
 * </pre>
 */
record BulkLoadSettings(String pgUrl, String pgUser, String pgPassword, long entries, int subjects,
                        Path pseudonymKeyFile, Path signingKeyFile, String origin, int threads, long seed,
                        Path out) {

    static final String DEFAULT_ORIGIN = "access-ledger.localhost/log";

    static BulkLoadSettings parse(String[] args) {
        String pgUrl = null;
        String user = "postgres";
        String password = "";
        long entries = PerformanceTarget.SCALE_ENTRIES;
        int subjects = PerformanceTarget.SCALE_SUBJECTS;
        Path pseudonymKey = null;
        Path signingKey = null;
        String origin = DEFAULT_ORIGIN;
        int threads = Runtime.getRuntime().availableProcessors();
        long seed = 1;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--pg-url" -> pgUrl = value;
                case "--pg-user" -> user = value;
                case "--pg-password" -> password = value;
                case "--entries" -> entries = Long.parseLong(value.replace("_", ""));
                case "--subjects" -> subjects = Integer.parseInt(value.replace("_", ""));
                case "--pseudonym-key-file" -> pseudonymKey = Path.of(value);
                case "--signing-key-file" -> signingKey = Path.of(value);
                case "--origin" -> origin = value;
                case "--threads" -> threads = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (pgUrl == null || pseudonymKey == null || signingKey == null) {
            throw new IllegalArgumentException("requires --pg-url, --pseudonym-key-file and --signing-key-file");
        }
        if (entries < 0 || subjects < 1 || threads < 1) {
            throw new IllegalArgumentException("requires --entries >= 0, --subjects >= 1, --threads >= 1");
        }
        return new BulkLoadSettings(pgUrl, user, password, entries, subjects, pseudonymKey, signingKey, origin,
                threads, seed, out);
    }
}
