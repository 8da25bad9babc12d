package uk.gov.accessledger.testonly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the test vector files of one folder of the test classpath, such as
 * {@code src/test/resources/logformat/}. Text files take three shapes, and in each a line starting
 * with '#' is a comment: data lines; blank-line separated blocks of {@code key: value} lines; or
 * one vector a line with {@code " | "} between fields. Values may be escaped with {@code \n},
 * {@code \\} and {@code \xHH} (a raw byte), so vectors can hold exact bytes, including invalid
 * UTF-8. JSON files hold bytes as lowercase hex.
 */
public final class TestVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String folder;

    private TestVectors(String folder) {
        this.folder = folder;
    }

    /** The vectors under {@code /folder/} on the classpath. */
    public static TestVectors in(String folder) {
        return new TestVectors(folder);
    }

    /** The bytes of vector file {@code name}; fails if there is none. */
    public byte[] bytes(String name) {
        String resource = "/" + folder + "/" + name;
        try (InputStream in = TestVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("requires test vector " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("couldn't read " + resource, e);
        }
    }

    public String string(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public JsonNode json(String name) {
        try {
            return JSON.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException("couldn't parse /" + folder + "/" + name, e);
        }
    }

    /** The lines of a text file, comments left out, blank lines kept. */
    public List<String> lines(String name) {
        List<String> lines = new ArrayList<>();
        for (String line : string(name).split("\n", -1)) {
            if (!line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The lines of a text file without comments and blank lines. */
    public List<String> dataLines(String name) {
        return lines(name).stream().filter(line -> !line.isBlank()).toList();
    }

    /** The blocks of {@code key: value} lines, each as an insertion-ordered map. */
    public List<Map<String, String>> blocks(String name) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        for (String line : lines(name)) {
            if (line.isEmpty()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new LinkedHashMap<>();
                }
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalStateException("vector line without \": \" in " + name + ": " + line);
            }
            block.put(line.substring(0, colon), line.substring(colon + 2));
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        return blocks;
    }

    /** The one-a-line vectors, split on {@code " | "}. */
    public List<String[]> rows(String name) {
        return dataLines(name).stream().map(line -> line.split(" \\| ", -1)).toList();
    }

    /** Decodes {@code \n}, {@code \\} and {@code \xHH}; other characters stand for their UTF-8. */
    public static byte[] unescape(String value) {
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

    public static String unescapeToString(String value) {
        return new String(unescape(value), StandardCharsets.UTF_8);
    }

    /** The bytes of a JSON string of hex digits. */
    public static byte[] hex(JsonNode hex) {
        return HexFormat.of().parseHex(hex.asText());
    }

    /** The bytes of each hex string of a JSON array. */
    public static List<byte[]> hexList(JsonNode hexArray) {
        List<byte[]> out = new ArrayList<>();
        hexArray.forEach(h -> out.add(hex(h)));
        return out;
    }

    /** The double whose IEEE 754 bits are {@code hex}, 16 hex digits. */
    public static double doubleFromBits(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }
}
