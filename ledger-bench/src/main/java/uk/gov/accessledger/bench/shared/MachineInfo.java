package uk.gov.accessledger.bench.shared;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the numbers were measured on: cores, memory, JVM, PostgreSQL. PostgreSQL is looked up at
 * {@code LEDGER_BENCH_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}) as
 * {@code LEDGER_BENCH_PG_USER} (default postgres) with {@code LEDGER_BENCH_PG_PASSWORD}; when it is
 * not reachable the report says so instead of failing.
 */
public final class MachineInfo {

    private MachineInfo() {
    }

    public static Map<String, String> probe() {
        Map<String, String> info = new LinkedHashMap<>();
        Runtime runtime = Runtime.getRuntime();
        info.put("cores", String.valueOf(runtime.availableProcessors()));
        info.put("memory", memory());
        info.put("cpu", cpuModel());
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        info.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        info.put("jdkSha256", jdkSha256() + shaExtensions());
        info.put("postgresql", postgresVersion());
        return info;
    }

    /** The 1-, 5- and 15-minute load averages as the kernel reports them. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "unknown" : String.format("%.2f", load);
        }
    }

    /** The 1-minute load average, or NaN where the OS does not report it. */
    public static double oneMinuteLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Which SHA-256 implementation the JDK chose, as the JMH baselines and verifiers get it. */
    private static String jdkSha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return digest.getProvider().getName() + " " + digest.getClass().getSimpleName();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("couldn't find SHA-256 in the JDK", e);
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "unknown";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return System.getProperty("os.arch");
    }

    private static String shaExtensions() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return line.contains(" sha_ni") ? ", CPU has SHA-NI" : ", CPU without SHA-NI";
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "";
    }

    private static String postgresVersion() {
        String url = env("LEDGER_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(url, env("LEDGER_BENCH_PG_USER", "postgres"),
                env("LEDGER_BENCH_PG_PASSWORD", ""));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT current_setting('server_version'), current_setting('shared_buffers'),"
                     + " current_setting('autovacuum'), current_setting('synchronous_commit')")) {
            r.next();
            // The settings that move these figures most: a machine's configuration can differ from
            // PostgreSQL's defaults (autovacuum is off on the CI machines), and statistics follow it.
            return "PostgreSQL " + r.getString(1) + " (shared_buffers " + r.getString(2) + ", autovacuum "
                    + r.getString(3) + ", synchronous_commit " + r.getString(4) + ")";
        } catch (SQLException e) {
            return "not reachable at " + url + ": " + e.getMessage();
        }
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
