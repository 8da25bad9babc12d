package uk.gov.accessledger.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import uk.gov.accessledger.bench.jmh.EntryHashBenchmark;
import uk.gov.accessledger.bench.load.LoadResults;
import uk.gov.accessledger.bench.query.ScaleResults;
import uk.gov.accessledger.bench.shared.EntryGenerator;
import uk.gov.accessledger.bench.shared.JsonFiles;
import uk.gov.accessledger.bench.shared.LoadSampler;
import uk.gov.accessledger.bench.shared.MachineInfo;
import uk.gov.accessledger.bench.shared.PerformanceTarget;

/**
 * Runs every benchmark with the settings given, then writes {@code benchmarks.md} and
 * {@code benchmarks.json} to the output directory: the machine and its load while measuring, the
 * data sizes, each figure's median, minimum and maximum over forks beside its baseline, and
 * each of the design's targets ({@link PerformanceTarget}) beside what was measured.
 */
public final class Report {

    /** The heap each forked benchmark JVM gets: the 10 M-leaf tree needs about 640 MB. */
    static final String FORK_HEAP = "-Xmx3g";

    private final ReportSettings settings;

    Report(ReportSettings settings) {
        this.settings = settings;
    }

    /** {@code report [options]}: see {@link ReportSettings}. */
    public static void main(String... args) throws Exception {
        new Report(ReportSettings.parse(args)).run();
    }

    /** Runs the benchmarks and writes the report; returns what was written. */
    ReportContent run() throws RunnerException, IOException {
        Files.createDirectories(settings.out());
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = MachineInfo.loadAverage();
        Map<String, String> machine = MachineInfo.probe();
        Collection<RunResult> results;
        String loadDuring;
        try (LoadSampler sampler = new LoadSampler(5)) {
            results = new Runner(options().build()).run();
            loadDuring = sampler.summary();
        }
        Map<String, String> load = new LinkedHashMap<>();
        load.put("before (1, 5, 15 min)", loadBefore);
        load.put("during (1 min, sampled every 5 s)", loadDuring);
        load.put("after (1, 5, 15 min)", MachineInfo.loadAverage());

        Map<String, Figure> figures = Figures.from(results);
        LoadResults loadResults = settings.load() == null ? null : JsonFiles.read(settings.load(), LoadResults.class);
        ScaleResults scaleResults = settings.scale() == null ? null
                : JsonFiles.read(settings.scale(), ScaleResults.class);
        ReportContent content = new ReportContent(started, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                settings.command(), machine, load, runSettings(), dataSizes(), List.copyOf(figures.values()),
                TargetRow.from(figures, loadResults, scaleResults), loadResults, scaleResults);
        Files.writeString(settings.out().resolve("benchmarks.md"), MarkdownReport.render(content));
        Files.writeString(settings.out().resolve("benchmarks.json"), JsonReport.render(content));
        return content;
    }

    private ChainedOptionsBuilder options() {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(settings.include())
                .forks(settings.forks())
                .warmupIterations(settings.warmups())
                .warmupTime(TimeValue.milliseconds(settings.iterationMillis()))
                .measurementIterations(settings.iterations())
                .measurementTime(TimeValue.milliseconds(settings.iterationMillis()))
                .threads(1)
                .shouldFailOnError(true)
                .jvmArgsAppend(FORK_HEAP);
        settings.params().forEach(options::param);
        if (settings.smoke()) {
            options.output(settings.out().resolve("jmh.log").toString());
        }
        return options;
    }

    private Map<String, String> runSettings() {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("forks (runs) per benchmark", String.valueOf(settings.forks()));
        run.put("warm-up iterations per fork", String.valueOf(settings.warmups()));
        run.put("measured iterations per fork", String.valueOf(settings.iterations()));
        run.put("iteration length", settings.iterationMillis() + " ms");
        run.put("threads", "1");
        run.put("forked JVM options", FORK_HEAP);
        run.put("smoke run (tiny data, not a measurement)", String.valueOf(settings.smoke()));
        return run;
    }

    private Map<String, String> dataSizes() {
        Map<String, String> data = new LinkedHashMap<>();
        int distinct = Integer.parseInt(settings.param("distinctEntries", "1024"));
        data.put("generated access entries per hashing benchmark", String.valueOf(distinct));
        data.put("mean canonical entry size",
                Format.number(EntryHashBenchmark.meanCanonicalLength(distinct)) + " bytes");
        data.put("node hash input", "65 bytes (0x01 || left || right)");
        data.put("Merkle append: leaves before the in-memory tree restarts", settings.param("capacity", "1048576"));
        data.put("proof tree", settings.param("leaves", PerformanceTarget.SCALE_ENTRIES_PARAM)
                + " leaves, every node in memory");
        int entries = Integer.parseInt(settings.param("entries", "131072"));
        long bytes = 0;
        for (byte[] entry : new EntryGenerator(20261125L).chainedLog(entries, Math.max(1, entries / 8))) {
            bytes += entry.length;
        }
        data.put("offline verification log", entries + " entries over " + Math.max(1, entries / 8)
                + " subjects, " + Format.number(bytes / 1e6) + " MB of canonical bytes");
        return data;
    }
}
