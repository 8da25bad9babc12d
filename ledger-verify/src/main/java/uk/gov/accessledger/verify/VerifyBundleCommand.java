package uk.gov.accessledger.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import uk.gov.accessledger.bundle.BundleReport;
import uk.gov.accessledger.bundle.BundleVerifier;
import uk.gov.accessledger.bundle.Finding;
import uk.gov.accessledger.logformat.NoteVerifier;

/**
 * {@code verify-bundle FILE --key VKEY}: prints {@code OK} and a summary, or one
 * {@code FAIL <check>: <file>:<line> entry <id>: <problem>} line per problem.
 */
final class VerifyBundleCommand {

    static final Set<String> OPTIONS = Set.of("key");

    private VerifyBundleCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = new Arguments(args, OPTIONS);
        Path file = Path.of(arguments.single("bundle FILE"));
        NoteVerifier key = arguments.key();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException("can't read " + file + ": no such readable file");
        }
        BundleReport report;
        try {
            report = new BundleVerifier(key).verify(file);
        } catch (IOException e) {
            throw new UsageException("can't read " + file + " as a ZIP file: " + e.getMessage());
        }
        if (report.ok()) {
            out.println("OK " + file + ": " + count(report.entries(), "entry", "entries") + " about "
                    + count(report.subjects(), "subject", "subjects") + ", every one included in the log");
            out.println("  log:        " + report.origin() + ", checkpoint of size " + report.checkpointSize()
                    + ", root " + report.checkpointRoot());
            out.println("  exported:   " + report.createdAt() + ", query " + report.query());
            out.println("  checked:    manifest signature, file sizes and SHA-256, log key, checkpoint signature,");
            out.println("              every entry's leaf hash and inclusion proof, subject chains, CSV rows, entry count");
            return LedgerVerify.EXIT_OK;
        }
        for (Finding finding : report.findings()) {
            out.println("FAIL " + finding);
        }
        err.println(file + ": " + count(report.findings().size() + report.omittedFindings(), "problem", "problems")
                + (report.omittedFindings() > 0
                        ? " (" + report.omittedFindings() + " not listed: at most "
                                + BundleVerifier.DEFAULT_MAX_FINDINGS_PER_CHECK + " per check)"
                        : "")
                + "; do not rely on this bundle");
        return LedgerVerify.EXIT_FAILED;
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
