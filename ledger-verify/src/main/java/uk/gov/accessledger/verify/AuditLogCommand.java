package uk.gov.accessledger.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.NoteVerificationException;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.verify.LogClient.BadTileException;
import uk.gov.accessledger.verify.LogClient.FetchException;
import uk.gov.accessledger.verify.MonitorState.Seen;

/**
 * {@code audit-log URL --key VKEY [--state FILE]}: one monitoring pass over a log.
 *
 * <ol>
 *   <li>Fetch {@code URL/checkpoint} and verify it with the key (origin = key name).
 *   <li>If the state file holds a checkpoint seen before and the new one is smaller: ROLLBACK.
 *   <li>Recompute the root from every level-0 tile, and on the way the root at the old size.
 *   <li>The recomputed root must be the checkpoint's; the root at the old size must be the old
 *       checkpoint's, or the log has signed two trees that are not one history: FORK.
 *   <li>Only then save the new checkpoint as the state.
 * </ol>
 *
 * Rebuilding from leaves checks consistency without trusting any proof the log computes, at the
 * cost of reading every tile: fine for a monitor run now and then, a few MB per million entries.
 */
final class AuditLogCommand {

    static final Set<String> OPTIONS = Set.of("key", "state");
    static final String DEFAULT_STATE_FILE = "ledger-verify.state";

    // A verifier: the JDK's SHA-256, not the writer's (see Rfc6962Hasher).
    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.JDK;

    private AuditLogCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = new Arguments(args, OPTIONS);
        String base = logBase(arguments.single("log URL"));
        NoteVerifier key = arguments.key();
        Path stateFile = Path.of(arguments.option("state", DEFAULT_STATE_FILE));
        Optional<Seen> previous = MonitorState.read(stateFile, key);

        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        LogClient log = new LogClient(http, base);
        try {
            return monitor(log, key, stateFile, previous, out);
        } catch (FetchException e) {
            err.println("ledger-verify: " + e.getMessage());
            err.println("ledger-verify: nothing verified; the state file is unchanged");
            return LedgerVerify.EXIT_UNUSABLE;
        }
    }

    private static int monitor(LogClient log, NoteVerifier key, Path stateFile, Optional<Seen> previous, PrintStream out)
            throws FetchException, UsageException {
        String signed = log.checkpoint();
        Checkpoint latest;
        try {
            latest = Checkpoint.open(signed, key);
        } catch (NoteVerificationException e) {
            out.println("FAIL checkpoint: " + log.checkpointUri() + ": doesn't verify with key " + key.name() + ": "
                    + e.getMessage());
            return LedgerVerify.EXIT_FAILED;
        }
        String origin = latest.origin();

        if (previous.isPresent() && latest.size() < previous.get().checkpoint().size()) {
            Checkpoint before = previous.get().checkpoint();
            out.println("ROLLBACK " + origin + ": the latest checkpoint has size " + latest.size()
                    + ", smaller than size " + before.size() + " seen before: the log no longer has entries it signed for");
            printBoth(out, stateFile, previous.get(), log, signed, latest);
            return LedgerVerify.EXIT_FAILED;
        }

        long oldSize = previous.map(seen -> seen.checkpoint().size()).orElse(-1L);
        CompactRange range = CompactRange.empty(HASHER, 0);
        byte[][] rootAtOldSize = {oldSize == 0 ? HASHER.emptyRoot() : null};
        long tiles;
        try {
            tiles = log.leafHashes(latest.size(), leafHash -> {
                range.append(leafHash);
                if (range.end() == oldSize) {
                    rootAtOldSize[0] = range.root();
                }
            });
        } catch (BadTileException e) {
            out.println("FAIL tiles: " + origin + ": " + e.getMessage());
            return LedgerVerify.EXIT_FAILED;
        }
        byte[] root = range.root();
        if (!Arrays.equals(root, latest.rootHash())) {
            out.println("FAIL tiles: " + origin + ": the root recomputed from " + tiles + " tiles is " + b64(root)
                    + ", but the checkpoint of size " + latest.size() + " says " + b64(latest.rootHash())
                    + ": the log's tiles are not the tree it signed");
            return LedgerVerify.EXIT_FAILED;
        }

        if (previous.isPresent() && !Arrays.equals(rootAtOldSize[0], previous.get().checkpoint().rootHash())) {
            Checkpoint before = previous.get().checkpoint();
            out.println("FORK " + origin + ": the log's tree at size " + before.size() + " now has root "
                    + b64(rootAtOldSize[0]) + ", but the checkpoint seen before signed root " + b64(before.rootHash())
                    + " at that size: the log has signed two different histories");
            printBoth(out, stateFile, previous.get(), log, signed, latest);
            return LedgerVerify.EXIT_FAILED;
        }

        try {
            MonitorState.write(stateFile, signed);
        } catch (IOException e) {
            throw new UsageException("verified, but couldn't save the state file " + stateFile + ": " + e.getMessage());
        }
        String verified = "OK " + origin + ": checkpoint of size " + latest.size() + ", root " + b64(latest.rootHash())
                + ", recomputed from " + tiles + " tile" + (tiles == 1 ? "" : "s");
        if (previous.isPresent()) {
            Checkpoint before = previous.get().checkpoint();
            out.println(verified + "; consistent with the checkpoint seen before (size " + before.size() + ", root "
                    + b64(before.rootHash()) + ")" + (before.size() == latest.size() ? ", unchanged" : ""));
        } else {
            out.println(verified + "; first checkpoint seen: later runs check the log extends it");
        }
        out.println("  state saved in " + stateFile);
        return LedgerVerify.EXIT_OK;
    }

    /** Both checkpoints, in full: together they are the evidence against the log. */
    private static void printBoth(PrintStream out, Path stateFile, Seen previous, LogClient log, String signed,
            Checkpoint latest) {
        Checkpoint before = previous.checkpoint();
        out.println("  seen before: size " + before.size() + ", root " + b64(before.rootHash()) + " (" + stateFile + ")");
        out.println("  latest:      size " + latest.size() + ", root " + b64(latest.rootHash()) + " (" + log.checkpointUri() + ")");
        out.println("  Keep both signed checkpoints as evidence; the state file is unchanged.");
        out.println("  --- checkpoint seen before");
        previous.signedNote().lines().forEach(line -> out.println("  " + line));
        out.println("  --- latest checkpoint");
        signed.lines().forEach(line -> out.println("  " + line));
    }

    /** The log's URL prefix without a trailing slash, e.g. {@code http://localhost:8080/log}. */
    static String logBase(String url) throws UsageException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException("not a URL: " + url);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new UsageException("want the log's http(s) URL prefix, such as https://ledger.example/log, got " + url);
        }
        String base = url;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
