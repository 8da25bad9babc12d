package uk.gov.accessledger.api.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code pg_dump -Fc} and {@code pg_restore}, run as docs/operations.md tells an operator to, on
 * the test server of {@link PostgresDatabase}. Without the tools the test is skipped, as
 * PostgreSQL tests are, except under {@code CI=true}.
 */
public final class PostgresDumps {

    private PostgresDumps() {
    }

    /** Dumps the database at {@code jdbcUrl} to {@code file} in the custom format. */
    public static void dump(String jdbcUrl, Path file) throws Exception {
        run("pg_dump", "--format=custom", "--file=" + file, "--host=" + host(jdbcUrl), "--port=" + port(jdbcUrl),
                "--username=" + PostgresDatabase.user(), database(jdbcUrl));
    }

    /** Restores {@code dump} into the (empty) database at {@code jdbcUrl}. */
    public static void restore(Path dump, String jdbcUrl) throws Exception {
        run("pg_restore", "--no-owner", "--exit-on-error", "--host=" + host(jdbcUrl), "--port=" + port(jdbcUrl),
                "--username=" + PostgresDatabase.user(), "--dbname=" + database(jdbcUrl), dump.toString());
    }

    private static void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgresDatabase.password());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort(command[0] + " is not installed: " + e.getMessage());
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("couldn't run " + String.join(" ", command) + ": " + output);
        }
    }

    private static URI uri(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    private static String host(String jdbcUrl) {
        return uri(jdbcUrl).getHost();
    }

    private static int port(String jdbcUrl) {
        int port = uri(jdbcUrl).getPort();
        return port == -1 ? 5432 : port;
    }

    private static String database(String jdbcUrl) {
        return uri(jdbcUrl).getPath().substring(1);
    }
}
