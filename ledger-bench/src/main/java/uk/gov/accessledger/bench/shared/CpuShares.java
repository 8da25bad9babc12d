package uk.gov.accessledger.bench.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where a load phase's CPU went on this machine: the API's process, PostgreSQL's processes, this
 * load generator, everything else that was busy (the kernel's network work, other processes), and
 * what stayed idle; read from Linux's {@code /proc} before and after the phase. On 2 cores shared by
 * all of them, CPU time per request is what bounds a closed-loop load: {@code cores / (CPU per
 * request)} requests per second at most, whoever spends it.
 *
 * <p>A PostgreSQL backend that exits during the phase takes its time with it unless its parent has
 * waited for it, so its parent's children time (the postmaster's) is counted as well; the API's
 * pool keeps its connections, so this matters only for other clients.
 */
public final class CpuShares {

    /** Clock ticks per second of /proc's times: USER_HZ, 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /** CPU seconds so far of each part, and of the whole machine, at one moment. */
    public record Sample(double api, double postgres, double generator, double busy, double idle) {
    }

    private final long apiPid;

    public CpuShares(long apiPid) {
        this.apiPid = apiPid;
    }

    /** A sample now, or null where /proc cannot be read (not Linux, or the API is not on this machine). */
    public Sample sample() {
        try {
            double[] machine = machine(Files.readString(Path.of("/proc/stat")));
            double postgres = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String pid = process.getFileName().toString();
                    if (!pid.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String stat;
                    try {
                        stat = Files.readString(process.resolve("stat"));
                    } catch (IOException exited) {
                        continue;
                    }
                    if (command(stat).equals("postgres")) {
                        postgres += seconds(stat, true);
                    }
                }
            }
            return new Sample(seconds(Files.readString(Path.of("/proc/" + apiPid + "/stat")), false), postgres,
                    seconds(Files.readString(Path.of("/proc/self/stat")), false), machine[0], machine[1]);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * CPU milliseconds of each part per {@code unit} ("request", "entry") between two samples, and the
     * share of the machine's time that stayed idle; null if either sample is missing or the count is 0.
     */
    public static CpuCost per(String unit, long count, Sample before, Sample after) {
        if (before == null || after == null || count <= 0) {
            return null;
        }
        double api = after.api() - before.api();
        double postgres = after.postgres() - before.postgres();
        double generator = after.generator() - before.generator();
        double busy = after.busy() - before.busy();
        double idle = after.idle() - before.idle();
        return new CpuCost(unit, 1000 * api / count, 1000 * postgres / count, 1000 * generator / count,
                1000 * Math.max(0, busy - api - postgres - generator) / count,
                busy + idle > 0 ? idle / (busy + idle) : 0.0);
    }

    /** Busy and idle seconds of all cores from /proc/stat's first ("cpu ") line. */
    static double[] machine(String procStat) {
        String first = procStat.lines().findFirst().orElse("");
        String[] f = first.trim().split("\\s+");
        if (!f[0].equals("cpu") || f.length < 8) {
            throw new IllegalArgumentException("not /proc/stat: " + first);
        }
        // user nice system idle iowait irq softirq [steal ...]; time stolen by the hypervisor is neither
        double busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                + Long.parseLong(f[7]);
        double idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new double[] {busy / TICKS_PER_SECOND, idle / TICKS_PER_SECOND};
    }

    /** The command name of a /proc/PID/stat line: between the first '(' and the last ')'. */
    static String command(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /**
     * User + system seconds of a /proc/PID/stat line (fields 14 and 15), with its waited-for
     * children's (16 and 17) when asked.
     */
    static double seconds(String stat, boolean withChildren) {
        // Fields after the command start at field 3; the command may hold spaces and parentheses.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks / TICKS_PER_SECOND;
    }
}
