package uk.gov.accessledger.canonical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads the test vectors under src/test/resources/canonical/. */
final class Vectors {

    private Vectors() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/canonical/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("requires test vector /canonical/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of a text vector file, without blank lines and '#' comments. */
    static List<String> dataLines(String name) {
        return Arrays.stream(new String(bytes(name), StandardCharsets.UTF_8).split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }

    static double fromBits(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }
}
