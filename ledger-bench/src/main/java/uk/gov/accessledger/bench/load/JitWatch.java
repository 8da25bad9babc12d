package uk.gov.accessledger.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * How much the API's JIT compiler has worked, read with the JDK's {@code jstat -compiler} from the
 * API's process on this machine. A freshly started API compiles for minutes under a new load, one
 * core's worth at a time, so a phase measured while it compiles measures the compiler. The load
 * test warms up until a round of traffic costs the compiler less than {@link #QUIET_SHARE} of the
 * round.
 */
final class JitWatch {

    /** Compile time per second of traffic below which the compiler counts as quiet: 5 % of one core. */
    static final double QUIET_SHARE = 0.05;

    private final long pid;
    private final Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");

    JitWatch(long pid) {
        this.pid = pid;
    }

    /** The API JVM's total JIT compile time so far, in seconds. */
    double compileSeconds() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jstat.toString(), "-compiler", Long.toString(pid))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("couldn't read the JIT time of process " + pid + " with jstat: " + output.strip());
        }
        return parseCompileSeconds(output);
    }

    /**
     * The {@code Time} column of {@code jstat -compiler} output: a header line, then
     * {@code Compiled Failed Invalid Time FailedType FailedMethod}.
     */
    static double parseCompileSeconds(String output) {
        String[] lines = output.strip().split("\\R");
        if (lines.length != 2 || !lines[0].trim().startsWith("Compiled")) {
            throw new IllegalArgumentException("not jstat -compiler output: " + output.strip());
        }
        String[] header = lines[0].trim().split("\\s+");
        String[] values = lines[1].trim().split("\\s+");
        for (int i = 0; i < header.length && i < values.length; i++) {
            if (header[i].equals("Time")) {
                return Double.parseDouble(values[i]);
            }
        }
        throw new IllegalArgumentException("no Time column in jstat -compiler output: " + output.strip());
    }

    /** Whether {@code compiled} seconds of compiling during {@code seconds} of traffic is quiet. */
    static boolean quiet(double compiled, double seconds) {
        return compiled < QUIET_SHARE * seconds;
    }
}
