package uk.gov.accessledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastCheckpointFileTest {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWroteAndLeavesNoTemporaryFile() throws Exception {
        LastCheckpointFile file = new LastCheckpointFile(dir.resolve("node/last-checkpoint"));
        assertThat(file.read()).isEmpty();
        LastCheckpointFile.State state = new LastCheckpointFile.State(mark(12, 1), mark(15, 2));
        file.write(state);
        LastCheckpointFile.State read = file.read().orElseThrow();
        assertThat(read.committed().sameAs(12, root(1))).isTrue();
        assertThat(read.signing().sameAs(15, root(2))).isTrue();

        file.write(new LastCheckpointFile.State(mark(15, 2), null));
        read = file.read().orElseThrow();
        assertThat(read.committed().sameAs(15, root(2))).isTrue();
        assertThat(read.signing()).isNull();
        try (var files = Files.list(dir.resolve("node"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("last-checkpoint");
        }
    }

    @Test
    void refusesAFileWithoutACommittedCheckpointOrWithAnUnknownLine() throws Exception {
        Path path = dir.resolve("last-checkpoint");
        LastCheckpointFile file = new LastCheckpointFile(path);
        Files.writeString(path, "signing 3 " + b64(root(1)) + "\n");
        assertThatThrownBy(file::read).hasMessageContaining("no committed line");
        Files.writeString(path, "committed 3 " + b64(root(1)) + "\npending 4 " + b64(root(2)) + "\n");
        assertThatThrownBy(file::read).hasMessageContaining("unexpected line 'pending 4");
        Files.writeString(path, "committed 3 AAAA\n");
        assertThatThrownBy(file::read).hasMessageContaining("32-byte root");
    }

    private static LastCheckpointFile.Mark mark(long size, int fill) {
        return new LastCheckpointFile.Mark(size, root(fill));
    }

    private static byte[] root(int fill) {
        byte[] root = new byte[32];
        Arrays.fill(root, (byte) fill);
        return root;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
