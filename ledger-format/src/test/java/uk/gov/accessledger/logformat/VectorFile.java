package uk.gov.accessledger.logformat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the test vector files under {@code src/test/resources/logformat/}: blank-line separated
 * blocks of {@code key: value} lines, or one vector a line with {@code " | "} between fields;
 * lines starting with '#' are comments. Values are escaped with {@code \n}, {@code \\} and
 * {@code \xHH} (a raw byte), so vectors can hold exact bytes, including invalid UTF-8.
 */
final class VectorFile {

    private VectorFile() {}

    static List<String> lines(String resource) {
        String all = new String(read(resource), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : all.split("\n", -1)) {
            if (!line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The blocks of {@code key: value} lines, each as an insertion-ordered map. */
    static List<Map<String, String>> blocks(String resource) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        for (String line : lines(resource)) {
            if (line.isEmpty()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new LinkedHashMap<>();
                }
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalStateException("vector line without \": \" in " + resource + ": " + line);
            }
            block.put(line.substring(0, colon), line.substring(colon + 2));
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        return blocks;
    }

    /** The one-a-line vectors, split on {@code " | "}. */
    static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(resource)) {
            if (!line.isBlank()) {
                rows.add(line.split(" \\| ", -1));
            }
        }
        return rows;
    }

    /** Decodes {@code \n}, {@code \\} and {@code \xHH}; other characters stand for their UTF-8. */
    static byte[] unescape(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
                out.writeBytes(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            char next = value.charAt(++i);
            switch (next) {
                case 'n' -> out.write('\n');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalStateException("unknown escape \\" + next + " in " + value);
            }
        }
        return out.toByteArray();
    }

    static String unescapeToString(String value) {
        return new String(unescape(value), StandardCharsets.UTF_8);
    }

    static byte[] read(String resource) {
        try (InputStream in = VectorFile.class.getResourceAsStream("/logformat/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource logformat/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readString(String resource) {
        return new String(read(resource), StandardCharsets.UTF_8);
    }
}
