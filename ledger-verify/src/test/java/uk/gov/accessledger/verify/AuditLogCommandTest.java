package uk.gov.accessledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.accessledger.testonly.ReferenceTree;

class AuditLogCommandTest {

    private static final String KEY = TestTrees.logSigner().verifierKey();

    @TempDir
    Path temp;

    private TestLogServer log;
    private Path state;

    @BeforeEach
    void startLog() throws IOException {
        log = new TestLogServer();
        state = temp.resolve("monitor.state");
    }

    @AfterEach
    void stopLog() {
        log.close();
    }

    private Cli audit() {
        return Cli.run("audit-log", log.base(), "--key", KEY, "--state", state.toString());
    }

    private String stateText() throws IOException {
        return Files.readString(state);
    }

    private static String root(List<byte[]> leaves) {
        return Base64.getEncoder().encodeToString(ReferenceTree.ofLeafHashes(leaves).root());
    }

    @Test
    void trustsTheFirstCheckpointAfterRecomputingItsRoot() throws IOException {
        // 600 leaves: two full tiles and a partial one of 88.
        List<byte[]> tree = TestTrees.leaves(600, "main");
        log.serve(tree);

        Cli cli = audit();

        assertThat(cli.status()).as(cli.err()).isZero();
        assertThat(cli.lines().get(0)).isEqualTo("OK access-ledger.test/log: checkpoint of size 600, root " + root(tree)
                + ", recomputed from 3 tiles; first checkpoint seen: later runs check the log extends it");
        assertThat(stateText()).isEqualTo(TestTrees.checkpoint(tree, TestTrees.logSigner()));
        assertThat(log.tileRequests).hasValue(3);
    }

    @Test
    void acceptsAGrownLogThatExtendsTheTreeSeenBefore() throws IOException {
        log.serve(TestTrees.leaves(600, "main"));
        assertThat(audit().status()).isZero();
        List<byte[]> grown = TestTrees.leaves(1000, "main");
        log.serve(grown);

        Cli cli = audit();

        assertThat(cli.status()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.lines().get(0)).isEqualTo("OK access-ledger.test/log: checkpoint of size 1000, root " + root(grown)
                + ", recomputed from 4 tiles; consistent with the checkpoint seen before (size 600, root "
                + root(TestTrees.leaves(600, "main")) + ")");
        assertThat(stateText()).isEqualTo(TestTrees.checkpoint(grown, TestTrees.logSigner()));
    }

    @Test
    void acceptsAnUnchangedLog() throws IOException {
        log.serve(TestTrees.leaves(256, "main"));
        audit();

        Cli cli = audit();

        assertThat(cli.status()).isZero();
        assertThat(cli.lines().get(0)).endsWith(", unchanged");
    }

    @Test
    void followsTheEmptyLogAsItGrows() throws IOException {
        log.serve(List.of());
        Cli empty = audit();
        log.serve(TestTrees.leaves(3, "main"));

        Cli grown = audit();

        assertThat(empty.status()).isZero();
        assertThat(empty.lines().get(0)).contains("checkpoint of size 0, root 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=, recomputed from 0 tiles");
        assertThat(grown.status()).isZero();
        assertThat(grown.lines().get(0)).contains("consistent with the checkpoint seen before (size 0,");
    }

    @Test
    void reportsAForkWhenTheSameSizeHasAnotherLeaf() throws IOException {
        List<byte[]> tree = TestTrees.leaves(600, "main");
        log.serve(tree);
        audit();
        String before = stateText();
        List<byte[]> forked = new ArrayList<>(tree);
        forked.set(5, ReferenceTree.leafHash("another leaf 5".getBytes()));
        log.serve(forked);

        Cli cli = audit();

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.lines().get(0)).isEqualTo("FORK access-ledger.test/log: the log's tree at size 600 now has root "
                + root(forked) + ", but the checkpoint seen before signed root " + root(tree)
                + " at that size: the log has signed two different histories");
        assertThat(cli.lines().get(1)).isEqualTo("  seen before: size 600, root " + root(tree) + " (" + state + ")");
        assertThat(cli.lines().get(2)).isEqualTo("  latest:      size 600, root " + root(forked) + " (" + log.base() + "/checkpoint)");
        assertThat(cli.out()).contains(before.lines().map(line -> "  " + line + "\n").reduce("", String::concat));
        assertThat(stateText()).isEqualTo(before);
    }

    @Test
    void reportsAForkWhenAGrownTreeRewroteHistory() throws IOException {
        List<byte[]> tree = TestTrees.leaves(600, "main");
        log.serve(tree);
        audit();
        String before = stateText();
        List<byte[]> rewritten = TestTrees.leaves(1000, "main");
        rewritten.set(100, ReferenceTree.leafHash("another leaf 100".getBytes()));
        log.serve(rewritten);

        Cli cli = audit();

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.lines().get(0)).startsWith("FORK access-ledger.test/log: the log's tree at size 600 now has root "
                + root(rewritten.subList(0, 600)) + ", but the checkpoint seen before signed root " + root(tree));
        assertThat(cli.lines().get(2)).isEqualTo("  latest:      size 1000, root " + root(rewritten) + " (" + log.base() + "/checkpoint)");
        assertThat(stateText()).isEqualTo(before);
    }

    @Test
    void reportsARollbackWhenTheLogShrank() throws IOException {
        log.serve(TestTrees.leaves(1000, "main"));
        audit();
        String before = stateText();
        List<byte[]> shrunk = TestTrees.leaves(600, "main");
        log.serve(shrunk);

        Cli cli = audit();

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.lines().get(0)).isEqualTo("ROLLBACK access-ledger.test/log: the latest checkpoint has size 600, "
                + "smaller than size 1000 seen before: the log no longer has entries it signed for");
        assertThat(cli.lines().get(1)).startsWith("  seen before: size 1000, root ");
        assertThat(cli.lines().get(2)).startsWith("  latest:      size 600, root " + root(shrunk));
        assertThat(stateText()).isEqualTo(before);
    }

    @Test
    void failsACheckpointSignedByAnotherKey() {
        List<byte[]> tree = TestTrees.leaves(10, "main");
        log.serve(tree);
        log.serveCheckpoint(TestTrees.checkpoint(tree, TestTrees.signer(TestTrees.ORIGIN, 9)));

        Cli cli = audit();

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.out()).startsWith("FAIL checkpoint: " + log.base() + "/checkpoint: doesn't verify with key "
                + "access-ledger.test/log: couldn't open note: no known signature");
        assertThat(state).doesNotExist();
    }

    @Test
    void failsTilesThatAreNotTheSignedTree() {
        log.serve(TestTrees.leaves(300, "main"));
        log.serveTiles(TestTrees.leaves(300, "other"));

        Cli cli = audit();

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.out()).startsWith("FAIL tiles: access-ledger.test/log: the root recomputed from 2 tiles is ")
                .contains("but the checkpoint of size 300 says " + root(TestTrees.leaves(300, "main")));
        assertThat(state).doesNotExist();
    }

    @Test
    void failsATileOfTheWrongLength() {
        log.serve(TestTrees.leaves(300, "main"));
        log.truncateTiles(100);

        Cli cli = audit();

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.out()).startsWith("FAIL tiles: access-ledger.test/log: tile " + log.base()
                + "/tile/0/000 has 100 bytes, want 8192 (256 hashes of 32 bytes)");
    }

    @Test
    void usesTheFullTileWhenThePartialOneIsGone() {
        List<byte[]> tree = TestTrees.leaves(600, "main");
        log.serveCheckpoint(TestTrees.checkpoint(tree, TestTrees.logSigner()));
        // The log has grown to fill the third tile and dropped the partial one.
        log.serveTiles(TestTrees.leaves(768, "main"));
        log.removePartialTiles();

        Cli cli = audit();

        assertThat(cli.status()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).startsWith("OK access-ledger.test/log: checkpoint of size 600");
    }

    @Test
    void exitsTwoWhenTheLogCannotBeReached() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Cli cli = Cli.run("audit-log", "http://127.0.0.1:" + port + "/log", "--key", KEY, "--state", state.toString());

        assertThat(cli.status()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("ledger-verify: couldn't fetch http://127.0.0.1:" + port + "/log/checkpoint: ");
        assertThat(state).doesNotExist();
    }

    @Test
    void exitsTwoWhenATileIsMissing() throws IOException {
        log.serve(TestTrees.leaves(600, "main"));
        log.serveTiles(TestTrees.leaves(300, "main"));

        Cli cli = audit();

        assertThat(cli.status()).isEqualTo(2);
        assertThat(cli.err()).startsWith("ledger-verify: couldn't fetch " + log.base() + "/tile/0/001: HTTP status 404");
    }

    @Test
    void exitsTwoForAStateFileOfAnotherLog() throws IOException {
        Files.writeString(state, TestTrees.checkpoint(TestTrees.leaves(3, "x"), TestTrees.signer("other.example/log", 4)));
        log.serve(TestTrees.leaves(3, "main"));

        Cli cli = audit();

        assertThat(cli.status()).isEqualTo(2);
        assertThat(cli.err()).startsWith("ledger-verify: state file " + state + " doesn't hold a checkpoint signed by access-ledger.test/log");
    }

    @Test
    void exitsTwoForAnUnusableUrl() {
        assertThat(Cli.run("audit-log", "ftp://example.org/log", "--key", KEY).status()).isEqualTo(2);
        assertThat(Cli.run("audit-log", "not a url", "--key", KEY).status()).isEqualTo(2);
        assertThat(Cli.run("audit-log", log.base(), "--state", state.toString()).err()).startsWith("ledger-verify: missing --key");
    }

    @Test
    void acceptsTheUrlWithATrailingSlash() {
        log.serve(TestTrees.leaves(5, "main"));

        Cli cli = Cli.run("audit-log", log.base() + "/", "--key", KEY, "--state", state.toString());

        assertThat(cli.status()).isZero();
    }
}
