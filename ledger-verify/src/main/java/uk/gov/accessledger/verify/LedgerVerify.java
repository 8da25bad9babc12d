package uk.gov.accessledger.verify;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The {@code ledger-verify} command line: {@code java -jar ledger-verify.jar COMMAND ...}. */
public final class LedgerVerify {

    /** Everything verified. */
    static final int EXIT_OK = 0;
    /** Verification failed; the output says what. */
    static final int EXIT_FAILED = 1;
    /** Nothing could be verified: bad arguments, an unreadable file, an unreachable log. */
    static final int EXIT_UNUSABLE = 2;

    static final String USAGE = """
            usage: java -jar ledger-verify.jar verify-bundle FILE --key VKEY
                   java -jar ledger-verify.jar audit-log URL --key VKEY [--state FILE]

              verify-bundle  check an export bundle (ZIP) from GET /api/v1/audit/export: manifest
                             signature, file hashes, checkpoint, every entry's inclusion proof,
                             subject chains and the CSV; prints OK or one FAIL line per problem
              audit-log      monitor a log (URL such as https://ledger.example/log): verify its
                             checkpoint, recompute the root from its tiles, and check the tree
                             extends the one seen last time (kept in --state, default
                             ./ledger-verify.state); prints OK, FORK, ROLLBACK or FAIL

              VKEY           the log's verifier key <origin>+<key ID>+<key>, or a file holding it;
                             get it out of band (e.g. GET /log/key once, from a source you trust)

            exit status: 0 verified, 1 verification failed, 2 unusable arguments or unreadable input
            """;

    private LedgerVerify() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command, printing the verdict to {@code out} and problems running it to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return EXIT_UNUSABLE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(USAGE);
            return EXIT_OK;
        }
        try {
            switch (args[0]) {
                case "verify-bundle":
                    return VerifyBundleCommand.run(rest, out, err);
                case "audit-log":
                    return AuditLogCommand.run(rest, out, err);
                case "help", "-h", "--help":
                    out.print(USAGE);
                    return EXIT_OK;
                default:
                    throw new UsageException("unknown command " + args[0]);
            }
        } catch (UsageException e) {
            err.println("ledger-verify: " + e.getMessage());
            err.println("run 'java -jar ledger-verify.jar --help' for usage");
            return EXIT_UNUSABLE;
        }
    }
}
