package uk.gov.accessledger.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import uk.gov.accessledger.bench.shared.JsonFiles;

/** The {@code load} command: runs a load test and writes its {@link LoadResults} as {@code load.json}. */
public final class LoadReport {

    private LoadReport() {
    }

    /** {@code load [options]}: see {@link LoadSettings}. */
    public static void main(String... args) throws Exception {
        write(LoadSettings.parse(args));
    }

    /** Runs the load test {@code settings} describe and writes load.json into its output directory. */
    static LoadResults write(LoadSettings settings) throws Exception {
        Files.createDirectories(settings.out());
        LoadResults results = new LoadTest(settings).run();
        Path file = settings.out().resolve("load.json");
        JsonFiles.write(file, results);
        System.out.println("[load] wrote " + file);
        return results;
    }
}
